package it.soglia.profile;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestClients.TestClient;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * "Applicazioni usate di recente" on the profile: after a real sign-in to an application (/authorize with the Soglia
 * session, then /token with the application's secret), the user sees its name and when, newest first; the audit
 * log's CSV names such a sign-in in the admin's language.
 */
class RecentApplicationsIT extends PageTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theProfileListsTheApplicationsSignedInToNewestFirstEnabledOnly() throws Exception {
        TestAccount account = accounts.create("recentapps");
        WebSession session = steps.newSession();
        steps.enrol(session, account);
        assertThat(session.get("/profile").text("recent-applications"))
                .isEqualTo("Non hai ancora acceduto ad applicazioni tramite Soglia negli ultimi 90 giorni.");

        TestClient wiki = server.clients().register("recentwiki", List.of("https://wiki.example.test/cb"), List.of());
        TestClient mail = server.clients().register("recentmail", List.of("https://mail.example.test/cb"), List.of());
        signInTo(session, wiki);
        server.clock().advance(Duration.ofMinutes(1));
        signInTo(session, mail);

        Page profile = session.get("/profile");
        assertThat(applicationsOn(profile)).containsExactly("Test application recentmail", "Test application recentwiki");
        assertThat(profile.document().select("#recent-applications .soglia-application-when").eachText())
                .allSatisfy(when -> assertThat(when).matches("ultimo accesso \\d{1,2} \\p{L}{3} \\d{4}, \\d\\d:\\d\\d"));

        server.clients().setEnabled(wiki, false);
        assertThat(applicationsOn(session.get("/profile"))).containsExactly("Test application recentmail");

        TestAccount other = accounts.create("recentother");
        WebSession otherSession = steps.newSession();
        steps.enrol(otherSession, other);
        assertThat(applicationsOn(otherSession.get("/profile"))).as("one's own applications only").isEmpty();
    }

    @Test
    void theAuditCsvNamesAnApplicationSignInInTheAdminsLanguage() throws Exception {
        TestAccount account = accounts.create("csvappuser");
        WebSession session = steps.newSession();
        steps.enrol(session, account);
        TestClient client = server.clients().register("csvapp", List.of("https://csv.example.test/cb"), List.of());
        signInTo(session, client);

        TestAccount adminAccount = accounts.create("csvapp-admin", "ADMIN", true);
        WebSession admin = steps.newSession();
        steps.enrol(admin, adminAccount);
        String csv = admin.submitRaw(admin.get("/admin/audit"), "audit", Map.of("type_input", "APPLICATION_SIGN_IN"),
                "audit:export").body();

        assertThat(csv).contains("\"Accesso a un’applicazione\";\"" + account.username() + "\";\"" + client.clientId() + "\"")
                .doesNotContain("APPLICATION_SIGN_IN");
    }

    private static List<String> applicationsOn(Page profile) {
        return profile.document().select("#recent-applications .soglia-application-name").eachText();
    }

    /**
     * What an application does for a user already signed in to Soglia: /authorize answers at once with a code for
     * its redirect URI, which the application redeems at /token (client_secret_post, PKCE S256).
     */
    private static void signInTo(WebSession session, TestClient client) throws IOException, InterruptedException {
        String verifier = token(48);
        String state = token(12);
        HttpResponse<String> authorize = session.raw("/authorize?" + form(Map.of("response_type", "code",
                "client_id", client.clientId(), "redirect_uri", client.redirectUri(), "scope", "openid profile",
                "state", state, "nonce", token(12), "code_challenge", challenge(verifier),
                "code_challenge_method", "S256")));
        String location = authorize.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("/authorize answered " + authorize.statusCode() + ": " + authorize.body()));
        assertThat(location).startsWith(client.redirectUri() + "?");
        Map<String, String> back = query(URI.create(location).getRawQuery());
        assertThat(back).containsEntry("state", state);

        HttpResponse<String> tokens = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", back.get("code"), "redirect_uri", client.redirectUri(), "code_verifier", verifier,
                        "client_id", client.clientId(), "client_secret", client.secret())))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        assertThat(tokens.body()).contains("\"id_token\"");
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String rawQuery) {
        return Arrays.stream(rawQuery.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                kv -> kv[0], kv -> URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8)));
    }

    private static String token(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
