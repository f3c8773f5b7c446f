package it.soglia.startup;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.account.Account;
import it.soglia.account.SearchKeys;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** Accounts that exist before the search index get their keys when the schema is brought up to date. */
class FillAccountSearchKeysTest {

    private static final String URL = "jdbc:h2:mem:fill-search-keys;DB_CLOSE_DELAY=-1";

    @Test
    void accountsFromBeforeVersion12GetTheKeysAccountWouldHaveWritten() throws SQLException {
        migrate("11");
        String mario = Account.searchTextOf("Mario.Rossi", "Mario Rossi", "m.rossi@example.test");
        String anna = Account.searchTextOf("ab", "Al Bo", null); // no word of three letters: no keys
        try (Connection c = DriverManager.getConnection(URL)) {
            insertAccount(c, 1, "Mario.Rossi", mario);
            insertAccount(c, 2, "ab", anna);
        }

        migrate(null);

        try (Connection c = DriverManager.getConnection(URL)) {
            assertThat(keysOf(c, 1)).isNotEmpty().isEqualTo(SearchKeys.of(mario));
            assertThat(keysOf(c, 2)).isEmpty();
        }
    }

    private static void migrate(String target) {
        var configuration = Flyway.configure().dataSource(URL, "", "").locations("classpath:db/migration")
                .javaMigrations(new FillAccountSearchKeys());
        (target == null ? configuration : configuration.target(target)).load().migrate();
    }

    private static void insertAccount(Connection c, long id, String username, String searchText) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into account (id, username, username_key,"
                + " display_name, email, language, role, enabled, password_hash, two_factor_state, created_at,"
                + " updated_at, search_text) values (?, ?, ?, 'x', null, 'it', 'USER', true, 'x', 'NOT_ENROLLED',"
                + " current_timestamp, current_timestamp, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, username);
            insert.setString(3, Account.keyOf(username));
            insert.setString(4, searchText);
            insert.executeUpdate();
        }
    }

    private static Set<Long> keysOf(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select search_key from account_search_key where account_id = ?")) {
            select.setLong(1, id);
            Set<Long> keys = new HashSet<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getLong(1));
                }
            }
            return keys;
        }
    }
}
