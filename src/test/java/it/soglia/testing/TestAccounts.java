package it.soglia.testing;

import it.soglia.account.Account;
import it.soglia.account.Argon2Parameters;
import it.soglia.account.Argon2PasswordHasher;
import it.soglia.account.SearchKeys;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Accounts for tests, written straight into the test database with Soglia's own password hashing, so every test
 * has fresh accounts of its own; and read-backs of what Soglia stored, as an auditor would look at the tables.
 */
public final class TestAccounts {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TestDatabase database;
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Parameters.DEFAULT, new SecureRandom());

    public TestAccounts(TestDatabase database) {
        this.database = database;
    }

    /** An enabled USER with an email of its own ({@code <username>@example.test}), not enrolled. */
    public TestAccount create(String name) {
        return create(name, "USER", true);
    }

    /** An enabled account, not enrolled, with or without an email. */
    public TestAccount create(String name, String role, boolean withEmail) {
        String password = "pw-" + Long.toHexString(new SecureRandom().nextLong()) + "-Soglia";
        return create(name, role, withEmail, password, hasher.hash(password));
    }

    /** {@code count} USERs with emails, quickly: one password (hashed once) for all of them. */
    public List<TestAccount> createMany(String name, int count) {
        String password = "pw-" + Long.toHexString(new SecureRandom().nextLong()) + "-Soglia";
        String hash = hasher.hash(password);
        List<TestAccount> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            created.add(create(name, "USER", true, password, hash));
        }
        return created;
    }

    private TestAccount create(String name, String role, boolean withEmail, String password, String hash) {
        String username = name + "." + COUNTER.incrementAndGet();
        String email = withEmail ? username + "@example.test" : null;
        Instant now = Instant.now();
        try (Connection c = database.connect()) {
            long id = database.nextId(c, "account_seq");
            try (PreparedStatement insert = c.prepareStatement("insert into account (id, username, username_key,"
                    + " display_name, email, language, role, enabled, password_hash, two_factor_state, code_failures,"
                    + " created_at, updated_at, version, search_text)"
                    + " values (?, ?, ?, ?, ?, 'it', ?, true, ?, 'NOT_ENROLLED', 0, ?, ?, 0, ?)")) {
                insert.setLong(1, id);
                insert.setString(2, username);
                insert.setString(3, username.toLowerCase(Locale.ROOT));
                insert.setString(4, "Test " + name);
                insert.setString(5, email);
                insert.setString(6, role);
                insert.setString(7, hash);
                insert.setTimestamp(8, Timestamp.from(now));
                insert.setTimestamp(9, Timestamp.from(now));
                insert.setString(10, Account.searchTextOf(username, "Test " + name, email));
                insert.executeUpdate();
            }
            insertSearchKeys(c, id, Account.searchTextOf(username, "Test " + name, email));
            return new TestAccount(id, username, password, email);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test account " + username, e);
        }
    }

    /** What {@link Account} writes with its search text: the search finds only accounts with their keys. */
    static void insertSearchKeys(Connection c, long id, String searchText) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into account_search_key (account_id, search_key) values (?, ?)")) {
            for (long key : SearchKeys.of(searchText)) {
                insert.setLong(1, id);
                insert.setLong(2, key);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** As if an admin had created it: the password must be replaced at the first sign-in. */
    public void requirePasswordChange(TestAccount account) {
        update("update account set password_change_required = true where id = ?", account.id());
    }

    public void disable(TestAccount account) {
        update("update account set enabled = false where id = ?", account.id());
    }

    /** A column of the account's row, as stored. */
    public String column(TestAccount account, String column) {
        try (Connection c = database.connect();
             PreparedStatement select = c.prepareStatement("select " + column + " from account where id = ?")) {
            select.setLong(1, account.id());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A column of the account's authenticator app ({@code totp_authenticator}), as stored; null when it has none. */
    public String authenticatorColumn(TestAccount account, String column) {
        try (Connection c = database.connect(); PreparedStatement select = c.prepareStatement(
                "select " + column + " from totp_authenticator where account_id = ?")) {
            select.setLong(1, account.id());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The audit event types recorded about the account, oldest first. */
    public List<String> auditTypes(TestAccount account) {
        return database.column("select type from audit_event where subject = ? order by occurred_at, id",
                account.username());
    }

    private void update(String sql, long id) {
        try (Connection c = database.connect(); PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
