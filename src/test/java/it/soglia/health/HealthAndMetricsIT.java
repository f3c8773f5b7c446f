package it.soglia.health;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.SogliaServerExtension;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a load balancer, a monitoring system and an anonymous caller see: MicroProfile Health at /health/ready and
 * /health/live on the public listener, and Soglia's counters among MicroProfile Metrics at /metrics, served only on
 * the metrics listener (127.0.0.1, its own port: the pre-boot files of payara-config/).
 */
@ExtendWith(SogliaServerExtension.class)
class HealthAndMetricsIT {

    /** The mail check's answer is remembered this long (soglia.health.mail-check-interval's default). */
    private static final Duration MAIL_CHECK_INTERVAL = Duration.ofSeconds(30);

    private final SogliaServer server;
    private final WebSession root;
    private final SignInSteps steps;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HealthAndMetricsIT(SogliaServer server) {
        this.server = server;
        this.root = new WebSession(publicRoot(server));
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
    void notReadyWhileTheMailServerIsDownButStillAliveAndTheAnswerNamesNoHostNorError() {
        server.mail().stop();
        try {
            server.clock().advance(MAIL_CHECK_INTERVAL.plusSeconds(1)); // the last answer (UP) is stale: asked again
            HttpResponse<String> ready = root.raw("/health/ready");
            HttpResponse<String> live = root.raw("/health/live");

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains(check("soglia-mail", "DOWN"), check("soglia-database", "UP"));
            assertThat(live.statusCode()).isEqualTo(200);
            assertNamesNothingOfTheServers(ready.body());
        } finally {
            server.mail().start();
        }
        server.clock().advance(MAIL_CHECK_INTERVAL.plusSeconds(1));
        assertThat(root.raw("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void healthNamesNoHostNoDatabaseAndNoData() {
        for (String path : List.of("/health", "/health/ready", "/health/live")) {
            HttpResponse<String> answer = root.raw(path);

            assertNamesNothingOfTheServers(answer.body());
            assertThat(answer.body()).as(path).doesNotContain("\"data\":{\"");
        }
    }

    @Test
    void fiftyReadinessProbesAtOnceOpenAtMostTwoSmtpSessions() throws Exception {
        server.clock().advance(MAIL_CHECK_INTERVAL.plusSeconds(1)); // whatever was checked before is stale now
        int before = server.mail().sessionsWithoutMail();

        List<Integer> statuses = new ArrayList<>();
        ExecutorService probes = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(probes.submit(() -> get(publicRoot(server) + "/health/ready").statusCode()));
            }
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
        } finally {
            probes.shutdown();
        }

        assertThat(statuses).hasSize(50).containsOnly(200);
        assertThat(server.mail().sessionsWithoutMail() - before).as("SMTP sessions opened by 50 probes")
                .isBetween(1, 2);
    }

    @Test
    void anonymousCallersOnThePublicListenerGetNoMetrics() throws Exception {
        HttpResponse<String> anonymous = get(publicRoot(server) + "/metrics");
        HttpResponse<String> monitoring = get(server.metricsUrl());

        assertThat(anonymous.statusCode()).isEqualTo(404);
        assertThat(anonymous.body()).doesNotContain("soglia_");
        assertThat(monitoring.statusCode()).isEqualTo(200);
        assertThat(monitoring.body()).contains("soglia_sign_ins_total", "soglia_mails_total");
        assertThat(get(publicRoot(server) + "/metrics/application").body()).doesNotContain("soglia_");
    }

    @Test
    void signInsFailuresAndMailsAreCounted() throws Exception {
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

    @Test
    void eachKindOfResetHasItsOwnCounter() throws Exception {
        double redeemed = counter("soglia_resets_redeemed_total", "");
        double byAdmin = counter("soglia_resets_by_admin_total", "");
        double fromProfile = counter("soglia_resets_from_profile_total", "");
        TestAccount byLink = server.accounts().create("metricslink");
        TestAccount reset = server.accounts().create("metricsadminreset");
        TestAccount own = server.accounts().create("metricsownreset");
        TestAccount admin = server.accounts().create("metricsresetadmin", "ADMIN", true);
        steps.enrol(steps.newSession(), byLink);
        steps.enrol(steps.newSession(), reset);
        WebSession owner = steps.newSession();
        steps.enrol(owner, own);
        WebSession adminSession = steps.newSession();
        steps.enrol(adminSession, admin);

        steps.askResetLink(steps.newSession(), byLink, byLink.email());
        steps.redeem(steps.newSession(), server.mail().awaitResetLink(byLink.email()).resetPath());
        Page user = adminSession.get("/admin/user?username=" + reset.username());
        adminSession.submit(user, "user", Map.of("reason", "metriche"), "user:confirmReset");
        owner.submit(owner.get("/profile"), "profile", Map.of(), "profile:confirmReset");

        assertThat(counter("soglia_resets_redeemed_total", "")).isEqualTo(redeemed + 1); // the mailed link only
        assertThat(counter("soglia_resets_by_admin_total", "")).isEqualTo(byAdmin + 1);
        assertThat(counter("soglia_resets_from_profile_total", "")).isEqualTo(fromProfile + 1);
        assertThat(server.accounts().auditTypes(reset)).contains("TWO_FACTOR_RESET");
        assertThat(server.accounts().auditTypes(own)).contains("TWO_FACTOR_RESET");
    }

    private void assertNamesNothingOfTheServers(String body) {
        assertThat(body).doesNotContain("127.0.0.1", "localhost", Integer.toString(server.mail().port()))
                .doesNotContainIgnoringCase("h2").doesNotContainIgnoringCase("postgres")
                .doesNotContainIgnoringCase("smtp").doesNotContain("Exception", "error");
    }

    private static String publicRoot(SogliaServer server) {
        return server.baseUrl().replaceFirst("/soglia$", "");
    }

    private static String check(String name, String status) {
        return "{\"name\":\"" + name + "\",\"status\":\"" + status + "\"";
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of a counter in the Prometheus text of the metrics listener, by name and one of its tags. */
    private double counter(String name, String tag) throws Exception {
        String metrics = get(server.metricsUrl()).body();
        Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains("mp_scope=\"application\"") && line.group(1).contains(tag)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError("no counter " + name + " {" + tag + "} in the metrics:\n" + metrics);
    }
}
