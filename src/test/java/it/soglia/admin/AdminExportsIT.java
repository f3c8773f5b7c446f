package it.soglia.admin;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The CSV exports hold every account's email and address: like other admin actions they need a recent sign-in. */
class AdminExportsIT extends PageTest {

    @Test
    void anAdminWhoseSignInIsNoLongerRecentGetsNoCsvUntilThePasswordIsTypedAgain() {
        TestAccount user = accounts.create("stalecsv");
        TestAccount adminAccount = accounts.create("stalecsv-admin", "ADMIN", true);
        WebSession admin = steps.newSession();
        steps.enrol(admin, adminAccount);
        server.clock().advance(Duration.ofMinutes(11));

        Page users = admin.get("/admin/users");
        Page audit = admin.get("/admin/audit");
        HttpResponse<String> usersCsv = admin.submitRaw(users, "users", Map.of(), "users:export");
        HttpResponse<String> auditCsv = admin.submitRaw(audit, "audit", Map.of(), "audit:export");

        for (HttpResponse<String> refused : List.of(usersCsv, auditCsv)) {
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(refused.headers().firstValue("Content-Disposition")).isEmpty();
            assertThat(refused.body()).contains("inserisci di nuovo la tua password prima di questa azione")
                    .doesNotContain("\"Nome utente\";\"Nome\"", "\"Data e ora"); // no CSV header row
        }

        assertThat(users.has("stepup")).isTrue();
        assertThat(audit.has("stepup")).isTrue(); // where the password is typed again
        Page confirmed = admin.submit(audit, "stepup", Map.of("password", adminAccount.password()), "stepup:submit");
        assertThat(confirmed.has("stepup")).isFalse();
        HttpResponse<String> csv = admin.submitRaw(admin.get("/admin/users"), "users", Map.of(), "users:export");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains(user.email());
        HttpResponse<String> log = admin.submitRaw(confirmed, "audit", Map.of(), "audit:export");
        assertThat(log.body()).startsWith("\uFEFF\"Data e ora (Europe/Rome)\"");
    }

    /**
     * What an auditor opens in a spreadsheet: the columns and the values in the admin's language (no AuditType or
     * enum constants), times in soglia.time-zone (Europe/Rome in the tests) as date and time, not UTC instants.
     */
    @Test
    void theExportsSpeakTheAdminsLanguageWithTimesInTheConfiguredZone() {
        TestAccount user = accounts.create("csvlabels");
        steps.enrol(steps.newSession(), user);
        TestAccount adminAccount = accounts.create("csvlabels-admin", "ADMIN", true);
        WebSession admin = steps.newSession();
        steps.enrol(admin, adminAccount);
        steps.password(steps.newSession(), "csvlabels.nobody", "wrong"); // a row whose detail is "unknown account"
        Instant exported = server.clock().now();

        String users = admin.submitRaw(admin.get("/admin/users"), "users", Map.of(), "users:export").body();
        String audit = admin.submitRaw(admin.get("/admin/audit"), "audit", Map.of(), "audit:export").body();

        assertThat(users).startsWith("\uFEFF\"Nome utente\";\"Nome\";\"Email\";\"Ruolo\";\"Stato\";"
                        + "\"Autenticazione a due fattori\";\"App collegata il (Europe/Rome)\"")
                .contains("\"" + user.username() + "\"", "\"Utente\"", "\"Amministratore\"", "\"Attivo\"",
                        "\"Attiva\"")
                .doesNotContain("\"USER\"", "\"ADMIN\"", "\"ACTIVE\"", "\"true\"");
        assertThat(audit).startsWith("\uFEFF\"Data e ora (Europe/Rome)\";\"Evento\";\"Eseguito da\";\"Account\"")
                .contains("\"Accesso: password corretta\"", "\"App di autenticazione collegata\"")
                .contains("\"nessun account con questo nome\"") // the detail too, as the page shows it
                .doesNotContain("SIGN_IN_PASSWORD_OK", "TWO_FACTOR_ENROLLED", "\"unknown account\"")
                .doesNotContainPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d"); // no ISO instants in UTC
        DateTimeFormatter rome = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneId.of("Europe/Rome"));
        assertThat(List.of(rome.format(exported), rome.format(exported.minusSeconds(60)))) // the admin's enrolment
                .anySatisfy(minute -> assertThat(audit).contains("\"" + minute + ":"));
        String userRow = users.lines().filter(line -> line.startsWith("\"" + user.username() + "\";")).findFirst()
                .orElseThrow();
        assertThat(List.of(rome.format(exported), rome.format(exported.minusSeconds(60)))) // when its app was linked
                .anySatisfy(minute -> assertThat(userRow).contains("\"Attiva\";\"" + minute + ":"));
    }

    /**
     * An export longer than one page of the database (200 rows) has every row exactly once, in the table's order:
     * users by username, events newest first, and events of the same instant (ties across a page's end) by id.
     */
    @Test
    void anExportOfManyPagesHasEveryRowOnceInOrder() throws Exception {
        long accountsNow = Long.parseLong(server.database().column("select count(*) from account").get(0));
        accounts.createMany("csvpages", (int) Math.max(10, 450 - accountsNow));
        String subject = "csvpages.subject." + System.nanoTime();
        List<String> newestFirst = new java.util.ArrayList<>();
        Instant base = server.clock().now().minus(Duration.ofHours(1));
        try (var c = server.database().connect(); var insert = c.prepareStatement("insert into audit_event"
                + " (id, occurred_at, type, subject, detail) values (?, ?, 'SIGN_IN_COMPLETED', ?, ?)")) {
            for (int group = 0; group < 150; group++) { // three events per instant: pages of 200 end inside a group
                for (int i = 0; i < 3; i++) {
                    String detail = "csvpages-" + group + "-" + i;
                    insert.setLong(1, server.database().nextId(c, "audit_event_seq"));
                    insert.setObject(2, base.minusSeconds(group).atOffset(java.time.ZoneOffset.UTC));
                    insert.setString(3, subject);
                    insert.setString(4, detail);
                    insert.executeUpdate();
                    newestFirst.add(3 * group, detail); // a later id comes first among its instant's events
                }
            }
        }
        TestAccount adminAccount = accounts.create("csvpages-admin", "ADMIN", true);
        WebSession admin = steps.newSession();
        steps.enrol(admin, adminAccount);

        String users = admin.submitRaw(admin.get("/admin/users"), "users", Map.of(), "users:export").body();
        String audit = admin.submitRaw(admin.get("/admin/audit"), "audit", Map.of("account", subject),
                "audit:export").body();

        assertThat(firstCells(users)).hasSizeGreaterThan(400)
                .containsExactlyElementsOf(server.database().column("select username from account"
                        + " order by username_key, id"));
        assertThat(lastCells(audit)).containsExactlyElementsOf(newestFirst);
    }

    /** The first cell of each row after the header. */
    private static List<String> firstCells(String csv) {
        return csv.lines().skip(1).map(line -> unquote(line.substring(0, line.indexOf(';')))).toList();
    }

    private static List<String> lastCells(String csv) {
        return csv.lines().skip(1).map(line -> unquote(line.substring(line.lastIndexOf(';') + 1))).toList();
    }

    private static String unquote(String cell) {
        return cell.substring(1, cell.length() - 1);
    }
}
