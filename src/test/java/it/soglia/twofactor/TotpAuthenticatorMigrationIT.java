package it.soglia.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.soglia.crypto.SecretCipher;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration 15 moves every enrolled account's authenticator (secret, last step, enrolment time, clock drift) from the
 * account's row to {@code totp_authenticator}, on H2 and on PostgreSQL, with accounts in the database as version 13
 * left them: the moved secrets still decrypt with the same key, the code step's lock stays on the account, and
 * accounts without an authenticator get no row. No Soglia server: Flyway and JDBC only.
 */
class TotpAuthenticatorMigrationIT {

    private static final byte[] KEY = new byte[SecretCipher.KEY_BYTES];
    private static final Instant ENROLLED = Instant.parse("2026-03-02T08:15:30Z");
    private static final Instant LOCKED_UNTIL = Instant.parse("2026-03-05T10:00:00Z");

    static {
        new SecureRandom().nextBytes(KEY);
    }

    private final SecretCipher cipher = new SecretCipher(KEY, new SecureRandom());

    @Test
    void onH2() throws SQLException {
        String url = "jdbc:h2:mem:totp-migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        migrateWithData(new Database(url, "", "", null));
    }

    /**
     * In a schema of its own in the PostgreSQL test database, dropped after: the database's public schema belongs to
     * the tests that run Soglia on it (TwoNodesIT empties it), and two runs at once do not meet.
     */
    @Test
    void onPostgreSql() throws SQLException {
        String url = System.getProperty("soglia.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/soglia_test");
        String user = System.getProperty("soglia.it.pg.user", "soglia_test");
        String password = System.getProperty("soglia.it.pg.password", "soglia_test");
        String schema = "migration_test_" + UUID.randomUUID().toString().substring(0, 8);
        Database database = new Database(url, user, password, schema);
        try {
            migrateWithData(database);
        } finally {
            try (Connection c = DriverManager.getConnection(url, user, password); var statement = c.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        }
    }

    private void migrateWithData(Database database) throws SQLException {
        database.migrateTo("13");
        byte[] firstSecret = randomSecret();
        byte[] secondSecret = randomSecret();
        Map<Long, String> stored = new HashMap<>();
        try (Connection c = database.connect()) {
            // enrolled, phone late twice in a row, two wrong codes and one lock behind it
            stored.put(101L, insertEnrolled(c, 101, firstSecret, 58_000_123L, -2, 2, 1, LOCKED_UNTIL, false));
            // enrolled, phone ahead three times in a row, code step locked for good
            stored.put(102L, insertEnrolled(c, 102, secondSecret, 58_000_456L, 3, 0, 3, null, true));
            insertAccount(c, 103, "NOT_ENROLLED"); // never enrolled
            insertAccount(c, 104, "ACTIVE"); // no secret: could neither sign in nor enrol (not written by Soglia)
        }

        database.migrateTo("15");

        try (Connection c = database.connect()) {
            assertThat(authenticators(c)).containsOnlyKeys(101L, 102L);
            assertThat(authenticators(c).get(101L)).isEqualTo(
                    new Row(stored.get(101L), 58_000_123L, ENROLLED, -2));
            assertThat(authenticators(c).get(102L)).isEqualTo(
                    new Row(stored.get(102L), 58_000_456L, ENROLLED, 3));
            // the same ciphertext, bound to the same context: it opens with the key it was encrypted with
            assertThat(cipher.decrypt(authenticators(c).get(101L).secret(), "soglia:totp:active:101"))
                    .isEqualTo(firstSecret);
            assertThat(cipher.decrypt(authenticators(c).get(102L).secret(), "soglia:totp:active:102"))
                    .isEqualTo(secondSecret);
            assertThatThrownBy(() -> cipher.decrypt(authenticators(c).get(101L).secret(), "soglia:totp:active:102"))
                    .isInstanceOf(IllegalArgumentException.class); // still bound to its account, not to any

            assertThat(accountFacts(c, 101)).isEqualTo("ACTIVE 2 1 " + LOCKED_UNTIL + " false");
            assertThat(accountFacts(c, 102)).isEqualTo("ACTIVE 0 3 null true");
            assertThat(accountFacts(c, 103)).isEqualTo("NOT_ENROLLED 0 0 null false");
            assertThat(accountFacts(c, 104)).isEqualTo("NOT_ENROLLED 0 0 null false");

            assertThatThrownBy(() -> c.createStatement().executeQuery("select totp_secret from account"))
                    .isInstanceOf(SQLException.class); // nothing of the secret is left on the account
        }
    }

    private String insertEnrolled(Connection c, long id, byte[] secret, long lastStep, int drift, int failures,
                                  int lockouts, Instant lockedUntil, boolean forGood) throws SQLException {
        insertAccount(c, id, "ACTIVE");
        String encrypted = cipher.encrypt(secret, "soglia:totp:active:" + id); // as TwoFactorService encrypted it
        try (PreparedStatement update = c.prepareStatement("update account set totp_secret = ?, totp_last_step = ?,"
                + " totp_enrolled_at = ?, totp_drift_streak = ?, code_failures = ?, code_lockouts = ?,"
                + " code_locked_until = ?, code_locked_for_good = ? where id = ?")) {
            update.setString(1, encrypted);
            update.setLong(2, lastStep);
            update.setObject(3, ENROLLED.atOffset(ZoneOffset.UTC));
            update.setInt(4, drift);
            update.setInt(5, failures);
            update.setInt(6, lockouts);
            update.setObject(7, lockedUntil == null ? null : lockedUntil.atOffset(ZoneOffset.UTC));
            update.setBoolean(8, forGood);
            update.setLong(9, id);
            update.executeUpdate();
        }
        return encrypted;
    }

    private static void insertAccount(Connection c, long id, String twoFactorState) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into account (id, username, username_key,"
                + " display_name, email, language, role, enabled, password_hash, two_factor_state, created_at,"
                + " updated_at, search_text) values (?, ?, ?, 'x', null, 'it', 'USER', true, 'x', ?,"
                + " current_timestamp, current_timestamp, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, "user" + id);
            insert.setString(3, "user" + id);
            insert.setString(4, twoFactorState);
            insert.setString(5, "user" + id + " x ");
            insert.executeUpdate();
        }
    }

    private record Row(String secret, long lastStep, Instant enrolledAt, int driftStreak) {
    }

    private static Map<Long, Row> authenticators(Connection c) throws SQLException {
        Map<Long, Row> rows = new HashMap<>();
        try (ResultSet rs = c.createStatement().executeQuery(
                "select account_id, secret, last_step, enrolled_at, drift_streak from totp_authenticator")) {
            while (rs.next()) {
                rows.put(rs.getLong(1), new Row(rs.getString(2), rs.getLong(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getInt(5)));
            }
        }
        return rows;
    }

    /** The state and the code step's lock, as the account's row keeps them. */
    private static String accountFacts(Connection c, long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select two_factor_state, code_failures, code_lockouts,"
                + " code_locked_until, code_locked_for_good from account where id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                OffsetDateTime until = rs.getObject(4, OffsetDateTime.class);
                return rs.getString(1) + " " + rs.getInt(2) + " " + rs.getInt(3) + " "
                        + (until == null ? null : until.toInstant()) + " " + rs.getBoolean(5);
            }
        }
    }

    private static byte[] randomSecret() {
        return it.soglia.totp.TotpSecret.generate(new SecureRandom());
    }

    /** A database to migrate; {@code schema}: a schema of its own (created by Flyway), else the default one. */
    private record Database(String url, String user, String password, String schema) {

        void migrateTo(String version) {
            var configuration = Flyway.configure().dataSource(url, user, password)
                    .locations("classpath:db/migration").target(version);
            if (schema != null) {
                configuration.schemas(schema);
            }
            configuration.load().migrate();
        }

        Connection connect() throws SQLException {
            Connection c = DriverManager.getConnection(url, user, password);
            if (schema != null) {
                c.setSchema(schema);
            }
            return c;
        }
    }
}
