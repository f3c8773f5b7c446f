package it.soglia.profile;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.BrowserTest;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestClients.TestClient;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The profile's "Applicazioni usate di recente" as a user sees it in Chromium: first the sentence saying there are
 * none, then, after signing in to an application, its name and when.
 */
class RecentApplicationsBrowserIT extends BrowserTest {

    RecentApplicationsBrowserIT(SogliaServer server) {
        super(server);
    }

    @Test
    void theProfileShowsTheApplicationJustSignedInTo() throws Exception {
        TestAccount user = server.accounts().create("recentbrowser");
        signInAndEnrol(user);
        assertThat(browser.byId("recent-applications").getText()).contains("Non hai ancora acceduto");
        browser.screenshot("50-profile-no-applications");

        // The application's callback is a page of Soglia's own that does not exist: the browser stays there, with the code.
        String callback = server.baseUrl() + "/test-application/callback";
        TestClient client = server.clients().register("presenze", List.of(callback), List.of());
        browser.driver().get(server.baseUrl() + "/authorize?response_type=code&scope=openid&state=s1&client_id="
                + client.clientId() + "&redirect_uri=" + URLEncoder.encode(callback, StandardCharsets.UTF_8));
        browser.waitForPath("/test-application/callback");
        Map<String, String> back = Arrays.stream(URI.create(browser.driver().getCurrentUrl()).getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> URLDecoder.decode(kv[1], StandardCharsets.UTF_8)));
        String form = "grant_type=authorization_code&code=" + URLEncoder.encode(back.get("code"), StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(callback, StandardCharsets.UTF_8)
                + "&client_id=" + client.clientId() + "&client_secret=" + client.secret();
        HttpResponse<String> tokens = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);

        browser.visit("/profile");
        assertThat(browser.byId("recent-applications").getText()).contains("Test application presenze")
                .contains("ultimo accesso");
        browser.screenshot("51-profile-recent-applications");
    }
}
