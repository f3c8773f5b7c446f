package it.soglia.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.account.Account;
import it.soglia.testing.Poll;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The housekeeping job deletes exactly the rows that no longer serve anyone, and keeps every row that still counts:
 * a locked username's series, a failed mail, a recent audit row, a link that still works. On a Soglia of its own
 * whose job runs every second (the shared server's tests read rows it would delete), with a year of audit kept.
 */
class HousekeepingIT {

    private static final Path PAYARA = Path.of(System.getProperty("soglia.it.payaraJar", "target/payara-micro.jar"));
    private static final Path WORK = Path.of(System.getProperty("soglia.it.workDir", "target/it"));

    private static SogliaServer server;

    @BeforeAll
    static void start() throws Exception {
        server = SogliaServer.start(PAYARA, null, WORK.resolve("housekeeping"),
                Map.of("soglia.housekeeping.interval", "PT1S", "soglia.audit.retention", "P365D"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void deletesWhatIsDoneAndKeepsWhatStillCounts() throws Exception {
        Instant now = Instant.now();
        TestAccount owner = server.accounts().create("tokens");
        TestAccount locked = server.accounts().create("locked");
        try (Connection c = server.database().connect()) {
            token(c, owner, "expired-long-ago", now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)), false);
            token(c, owner, "used-and-expired", now.minus(Duration.ofHours(2)), now.minus(Duration.ofMinutes(90)), true);
            // expired, but still one of the three reset mails of the last hour: deleting it would allow a fourth
            token(c, owner, "expired-in-the-hour", now.minus(Duration.ofMinutes(40)), now.minus(Duration.ofMinutes(10)),
                    false);
            token(c, owner, "still-usable", now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofMinutes(25)), false);

            mail(c, "sent-long-ago", "SENT", now.minus(Duration.ofDays(3)));
            mail(c, "sent-now", "SENT", now);
            mail(c, "failed", "FAILED", now.minus(Duration.ofDays(3)));
            mail(c, "pending-later", "PENDING", now.plus(Duration.ofDays(1))); // not due: the outbox leaves it

            // a username locked a year ago stays locked; a series short of the lock still leads to it
            throttle(c, "PASSWORD_BY_USERNAME", Account.keyOf(locked.username()), 100, now.minus(Duration.ofDays(365)));
            throttle(c, "PASSWORD_BY_USERNAME", "slow-guesser", 5, now.minus(Duration.ofDays(365)));
            throttle(c, "PASSWORD_BY_USERNAME", "refunded", 0, now.minus(Duration.ofHours(2)));
            throttle(c, "PASSWORD_BY_IP", "10.0.0.1", 25, now.minus(Duration.ofMinutes(20))); // forgotten after 15
            throttle(c, "PASSWORD_BY_IP", "10.0.0.2", 25, now.minus(Duration.ofMinutes(5)));
            throttle(c, "LOST_CODE_BY_IP", "10.0.0.3", 12, now.minus(Duration.ofMinutes(61))); // forgotten after 60
            throttle(c, "LOST_CODE_BY_IP", "10.0.0.4", 12, now.minus(Duration.ofMinutes(30)));
            throttle(c, "RESET_BY_IP", "10.0.0.5", 12, now.minus(Duration.ofMinutes(61)));

            audit(c, "housekeeping-old", now.minus(Duration.ofDays(366)));
            audit(c, "housekeeping-recent", now.minus(Duration.ofDays(364)));
        }

        awaitGone("select token_hash from reset_token where account_id = ?", owner.id(),
                hash("expired-long-ago"), hash("used-and-expired"));
        awaitGone("select recipient from mail_outbox where recipient like ?", "%@housekeeping.test",
                "sent-long-ago@housekeeping.test", "sent-now@housekeeping.test");
        awaitGone("select throttle_key from throttle where throttle_key like ?", "%",
                key("PASSWORD_BY_USERNAME", "refunded"), key("PASSWORD_BY_IP", "10.0.0.1"),
                key("LOST_CODE_BY_IP", "10.0.0.3"), key("RESET_BY_IP", "10.0.0.5"));
        awaitGone("select detail from audit_event where detail like ?", "housekeeping-%", "housekeeping-old");
        try (Connection c = server.database().connect()) { // a later run deletes this one: what stays, stays
            mail(c, "later-run", "SENT", now);
        }
        awaitGone("select recipient from mail_outbox where recipient = ?", "later-run@housekeeping.test",
                "later-run@housekeeping.test");

        assertThat(column("select token_hash from reset_token where account_id = ?", owner.id()))
                .containsExactlyInAnyOrder(hash("expired-in-the-hour"), hash("still-usable"));
        assertThat(column("select recipient from mail_outbox where recipient like ?", "%@housekeeping.test"))
                .containsExactlyInAnyOrder("failed@housekeeping.test", "pending-later@housekeeping.test");
        assertThat(column("select throttle_key from throttle where throttle_key like ?", "%"))
                .containsExactlyInAnyOrder(key("PASSWORD_BY_USERNAME", Account.keyOf(locked.username())),
                        key("PASSWORD_BY_USERNAME", "slow-guesser"), key("PASSWORD_BY_IP", "10.0.0.2"),
                        key("LOST_CODE_BY_IP", "10.0.0.4"));
        assertThat(column("select detail from audit_event where detail like ?", "housekeeping-%"))
                .containsExactly("housekeeping-recent");
        assertThat(server.payara().logLinesContaining("Housekeeping deleted"))
                .anySatisfy(line -> assertThat(line).contains("sent mails").contains("expired reset tokens")
                        .contains("finished throttle series").contains("audit rows past their retention"));

        SignInSteps steps = new SignInSteps(server);
        assertThat(steps.password(steps.newSession(), locked.username(), locked.password()).messages())
                .startsWith("Accesso bloccato dopo troppi tentativi non riusciti.");
    }

    private static List<String> column(String sql, Object parameter) {
        return server.database().column(sql, parameter);
    }

    /** Waits (up to 30 s) until none of {@code gone} is among the values {@code sql} returns. */
    private static void awaitGone(String sql, Object parameter, String... gone) {
        Poll.until(Duration.ofSeconds(30), Duration.ofMillis(200),
                () -> column(sql, parameter).stream().noneMatch(List.of(gone)::contains));
        assertThat(column(sql, parameter)).doesNotContainAnyElementsOf(List.of(gone));
    }

    private static void token(Connection c, TestAccount owner, String token, Instant created, Instant expires,
                              boolean used) throws SQLException {
        insert(c, "insert into reset_token (id, account_id, token_hash, created_at, expires_at, used_at)"
                        + " values (?, ?, ?, ?, ?, ?)", id(c, "reset_token_seq"), owner.id(), hash(token), utc(created),
                utc(expires), used ? utc(created.plusSeconds(60)) : null);
    }

    private static void mail(Connection c, String name, String status, Instant at) throws SQLException {
        insert(c, "insert into mail_outbox (id, kind, recipient, subject, status, attempts, next_attempt_at,"
                        + " created_at, sent_at, last_error) values (?, 'TEST', ?, 'housekeeping', ?, 1, ?, ?, ?, ?)",
                id(c, "mail_outbox_seq"), name + "@housekeeping.test", status, utc(at), utc(at),
                "SENT".equals(status) ? utc(at) : null, "FAILED".equals(status) ? "550 no such user" : null);
    }

    private static void throttle(Connection c, String rule, String subject, int attempts, Instant last)
            throws SQLException {
        insert(c, "insert into throttle (throttle_key, attempts, last_attempt_at) values (?, ?, ?)",
                key(rule, subject), attempts, utc(last));
    }

    private static void audit(Connection c, String detail, Instant at) throws SQLException {
        insert(c, "insert into audit_event (id, occurred_at, type, detail) values (?, ?, 'SIGN_IN_COMPLETED', ?)",
                id(c, "audit_event_seq"), utc(at), detail);
    }

    private static void insert(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    private static long id(Connection c, String sequence) throws SQLException {
        TestDatabase database = server.database();
        return database.nextId(c, sequence);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** The throttle's key: the rule and a SHA-256 of the subject (it.soglia.throttle.Throttle). */
    private static String key(String rule, String subject) {
        return rule + ":" + hash(subject);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
