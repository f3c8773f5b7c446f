package it.soglia.admin;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.net.http.HttpResponse;
import java.time.Duration;
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

        for (HttpResponse<String> refused : new HttpResponse[] {usersCsv, auditCsv}) {
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
            assertThat(refused.headers().firstValue("Content-Disposition")).isEmpty();
            assertThat(refused.body()).contains("inserisci di nuovo la tua password prima di questa azione")
                    .doesNotContain("\"username\";\"name\"", "\"occurred_at\";\"type\""); // no CSV header row
        }

        assertThat(users.has("stepup")).isTrue();
        assertThat(audit.has("stepup")).isTrue(); // where the password is typed again
        Page confirmed = admin.submit(audit, "stepup", Map.of("password", adminAccount.password()), "stepup:submit");
        assertThat(confirmed.has("stepup")).isFalse();
        HttpResponse<String> csv = admin.submitRaw(admin.get("/admin/users"), "users", Map.of(), "users:export");
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body()).contains(user.email());
        HttpResponse<String> log = admin.submitRaw(confirmed, "audit", Map.of(), "audit:export");
        assertThat(log.body()).startsWith("\uFEFF\"occurred_at\"");
    }
}
