package it.soglia.health;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.SogliaServerExtension;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a load balancer and a monitoring system see: MicroProfile Health at /health/ready and /health/live, and
 * Soglia's counters among MicroProfile Metrics at /metrics (Payara's endpoints, at the root of the server).
 */
@ExtendWith(SogliaServerExtension.class)
class HealthAndMetricsIT {

    private final SogliaServer server;
    private final WebSession root;
    private final SignInSteps steps;

    HealthAndMetricsIT(SogliaServer server) {
        this.server = server;
        this.root = new WebSession(server.baseUrl().replaceFirst("/soglia$", ""));
        this.steps = new SignInSteps(server);
    }

    @Test
    void readyWhenTheDatabaseAndTheMailServerAnswer() {
        HttpResponse<String> ready = root.raw("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains(check("soglia-database", "UP"), check("soglia-mail", "UP"));
        assertThat(root.raw("/health/live").body()).contains(check("soglia-live", "UP"));
    }

    @Test
    void notReadyWhileTheMailServerIsDownButStillAlive() {
        server.mail().stop();
        try {
            HttpResponse<String> ready = root.raw("/health/ready");
            HttpResponse<String> live = root.raw("/health/live");

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains(check("soglia-mail", "DOWN"), check("soglia-database", "UP"));
            assertThat(live.statusCode()).isEqualTo(200);
        } finally {
            server.mail().start();
        }
        assertThat(root.raw("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void signInsFailuresAndMailsAreCounted() {
        double signIns = counter("soglia_sign_ins_total", "");
        double wrongPasswords = counter("soglia_sign_in_failures_total", "step=\"password\"");
        double wrongCodes = counter("soglia_sign_in_failures_total", "step=\"code\"");
        double mailsSent = counter("soglia_mails_total", "outcome=\"sent\"");
        TestAccount account = server.accounts().create("metrics");
        String key = steps.enrol(steps.newSession(), account);
        server.mail().awaitContaining(account.email(), "app di autenticazione");

        WebSession session = steps.newSession();
        steps.password(session, account.username(), "not-the-password");
        var codePage = steps.password(session, account.username(), account.password());
        steps.code(session, steps.code(session, codePage, Codes.wrongCode(key, server.clock().now())),
                Codes.code(key, server.clock().now(), 1));

        assertThat(counter("soglia_sign_ins_total", "")).isEqualTo(signIns + 1); // a first access counts as an enrolment
        assertThat(counter("soglia_sign_in_failures_total", "step=\"password\"")).isEqualTo(wrongPasswords + 1);
        assertThat(counter("soglia_sign_in_failures_total", "step=\"code\"")).isEqualTo(wrongCodes + 1);
        assertThat(counter("soglia_mails_total", "outcome=\"sent\"")).isGreaterThanOrEqualTo(mailsSent + 1);
    }

    private static String check(String name, String status) {
        return "{\"name\":\"" + name + "\",\"status\":\"" + status + "\"";
    }

    /** The value of a counter in the Prometheus text of /metrics, by name and one of its tags ("" for none). */
    private double counter(String name, String tag) {
        String metrics = root.raw("/metrics").body();
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("mp_scope=\"application\"") && line.group(1).contains(tag)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("no counter " + name + " {" + tag + "} in /metrics:\n" + metrics);
    }
}
