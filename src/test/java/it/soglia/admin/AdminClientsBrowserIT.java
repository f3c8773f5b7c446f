package it.soglia.admin;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.BrowserTest;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestClients.TestClient;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * {@code /admin/clients} in Chromium: an admin registers an application (a bad address is refused with the reason,
 * nothing saved), copies its secret shown once, finds the registration in the audit log and in the mail to the
 * admins, changes it, gives it a new secret, disables it, and rotates the key that signs the tokens.
 */
class AdminClientsBrowserIT extends BrowserTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    AdminClientsBrowserIT(SogliaServer server) {
        super(server);
    }

    @Test
    void anAdminRegistersAnApplicationSeesItsSecretOnceAndDisablesIt() throws Exception {
        TestAccount admin = server.accounts().create("clientsadmin", "ADMIN", true);
        signInAndEnrol(admin);
        browser.clickAndWaitFor("nav-clients", "/admin/clients");
        assertThat(browser.byId("nav-clients").getAttribute("aria-current")).isEqualTo("page");

        String clientId = "portale-ferie-" + System.nanoTime() % 1_000_000;
        browser.byId("clients:create").click();
        browser.waitUntil(d -> browser.isVisible("create:name"));
        browser.type("create:name", "Portale ferie");
        browser.type("create:clientId", clientId);
        browser.type("create:redirectUris", "http://ferie.example.test/callback\nhttps://ferie.example.test/ok#fine");
        browser.type("create:postLogoutUris", "https://ferie.example.test/");
        browser.byId("create:submit").click();
        browser.waitUntil(d -> browser.messages().contains("usa http"));
        assertThat(browser.messages()) // every problem, each with the address it is about
                .contains("«http://ferie.example.test/callback» usa http")
                .contains("«https://ferie.example.test/ok#fine» non è un indirizzo completo valido");
        assertThat(browser.isVisible("create:submit")).as("the dialog stays open").isTrue();
        assertThat(browser.byId("create:name").getAttribute("value")).isEqualTo("Portale ferie"); // as typed
        assertThat(browser.byId("create:clientId").getAttribute("value")).isEqualTo(clientId);
        assertThat(browser.byId("create:redirectUris").getAttribute("value")).contains("http://ferie.example.test/callback");
        assertThat(browser.isVisible("client-secret")).isFalse();
        assertThat(server.database().column("select client_id from oidc_client where client_id = ?", clientId))
                .as("nothing saved").isEmpty();
        browser.assertDialogFitsAPhone("createDialog");
        browser.screenshot("40-admin-clients-refused");

        browser.type("create:redirectUris", "https://ferie.example.test/callback");
        browser.driver().findElement(By.cssSelector("[id='create:roles'] label[for$=':1']")).click(); // Amministratore
        browser.byId("create:submit").click();
        browser.waitUntil(d -> browser.isVisible("client-secret"));
        assertThat(browser.messages()).contains("Applicazione Portale ferie registrata.");
        String secret = browser.byId("client-secret").getText();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(40).doesNotContain(" ");
        assertThat(browser.byId("client-secret").getCssValue("font-family")).containsIgnoringCase("mono");
        assertThat(browser.isVisible("copy-client-secret")).isTrue();
        assertThat(browser.byId("client-secret-client-id").getText()).isEqualTo(clientId);
        assertThat(browser.byId("client-issuer").getText()).isEqualTo(server.baseUrl());
        assertThat(browser.byId("client-discovery").getText())
                .isEqualTo(server.baseUrl() + "/.well-known/openid-configuration");
        assertThat(rowOf(clientId).getText()).contains("Portale ferie", "https://ferie.example.test/callback",
                "Amministratore", "Attiva");
        assertThat(server.database().column("select redirect_uris || ' ' || post_logout_uris || ' ' || allowed_roles"
                + " from oidc_client where client_id = ?", clientId))
                .containsExactly("https://ferie.example.test/callback https://ferie.example.test/ ADMIN");
        assertThat(tokenAnswer(clientId, secret)).as("the secret shown is the application's")
                .contains("invalid_grant"); // right secret: only the (made-up) code is refused
        assertThat(tokenAnswer(clientId, secret + "x")).contains("invalid_client");
        browser.assertNoClippedCells("clients:table");
        browser.screenshot("41-admin-client-registered");
        scrollTo("clients:table");
        browser.screenshot("41b-admin-clients-table");

        browser.visit("/admin/clients");
        assertThat(browser.driver().findElements(By.id("client-secret"))).as("shown once").isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(secret);

        browser.clickAndWaitFor("nav-audit", "/admin/audit");
        browser.choose("audit:type", "Applicazione registrata");
        browser.waitUntil(d -> d.findElement(By.id("audit:table_data")).getText().contains(clientId));
        assertThat(browser.byId("audit:table_data").getText()).contains(admin.username())
                .contains("https://ferie.example.test/callback").doesNotContain("CLIENT_REGISTERED");
        var mail = server.mail().awaitContaining(admin.email(), clientId);
        assertThat(mail.text()).contains("applicazione registrata", "Portale ferie", admin.username())
                .doesNotContain(secret);

        browser.clickAndWaitFor("nav-clients", "/admin/clients");
        rowOf(clientId).findElement(By.cssSelector("button[id$=':toggle']")).click();
        browser.waitUntil(d -> browser.isVisible("toggle:confirm"));
        assertThat(browser.byId("toggleDialog").getText()).contains("Portale ferie");
        assertThat(browser.byId("toggle:confirm").getText()).isEqualTo("Sì, disattiva");
        browser.assertDialogFitsAPhone("toggleDialog");
        browser.screenshot("42-admin-client-confirm-disable");
        browser.clickAndWaitFor("toggle:confirm", "/admin/clients");
        assertThat(browser.messages()).contains("Applicazione Portale ferie disattivata");
        assertThat(rowOf(clientId).getText()).contains("Disattivata");
        assertThat(server.database().column("select case when enabled then 'on' else 'off' end from oidc_client"
                + " where client_id = ?", clientId))
                .containsExactly("off");
        HttpResponse<String> authorize = get("/authorize?response_type=code&scope=openid&client_id=" + clientId
                + "&redirect_uri=" + URLEncoder.encode("https://ferie.example.test/callback", StandardCharsets.UTF_8));
        assertThat(authorize.statusCode()).as("a disabled application's users are stopped at Soglia").isEqualTo(400);
        server.mail().awaitContaining(admin.email(), "applicazione disattivata");
    }

    @Test
    void anAdminChangesAnApplicationGivesItANewSecretAndRotatesTheSigningKey() throws Exception {
        TestClient client = server.clients().register("wiki", List.of("https://wiki.example.test/cb"), List.of());
        TestAccount admin = server.accounts().create("keysadmin", "ADMIN", true);
        signInAndEnrol(admin);
        browser.visit("/admin/clients");

        rowOf(client.clientId()).findElement(By.cssSelector("button[id$=':edit']")).click();
        browser.waitUntil(d -> browser.isVisible("edit:name")
                && client.clientId().equals(browser.byId("edit-client-id").getText()));
        assertThat(browser.byId("edit:redirectUris").getAttribute("value")).isEqualTo("https://wiki.example.test/cb");
        browser.type("edit:name", "Wiki aziendale");
        browser.type("edit:redirectUris", "https://wiki.example.test/cb\nhttp://localhost:8080/cb");
        browser.screenshot("45-admin-client-edit");
        browser.clickAndWaitFor("edit:submit", "/admin/clients");
        assertThat(browser.messages()).contains("Applicazione Wiki aziendale salvata.");
        assertThat(rowOf(client.clientId()).getText()).contains("Wiki aziendale", "http://localhost:8080/cb");

        rowOf(client.clientId()).findElement(By.cssSelector("button[id$=':newSecret']")).click();
        browser.waitUntil(d -> browser.isVisible("secret:confirm"));
        assertThat(browser.byId("secretDialog").getText()).contains("Wiki aziendale").contains("smette subito");
        browser.screenshot("46-admin-client-confirm-secret");
        browser.byId("secret:confirm").click();
        browser.waitUntil(d -> browser.isVisible("client-secret"));
        String secret = browser.byId("client-secret").getText();
        assertThat(secret).isNotEqualTo(client.secret());
        assertThat(tokenAnswer(client.clientId(), secret)).contains("invalid_grant");
        assertThat(tokenAnswer(client.clientId(), client.secret())).as("the old secret").contains("invalid_client");
        server.mail().awaitContaining(admin.email(), "nuovo secret");

        List<String> before = publishedKids(); // asking for the keys makes the first one, if there is none yet
        browser.visit("/admin/clients");
        String active = activeKid();
        scrollTo("signing-keys");
        assertThat(before).contains(active);
        browser.byId("keys:rotate").click();
        browser.waitUntil(d -> browser.isVisible("keys:confirmRotate"));
        assertThat(browser.byId("keys:rotateDialog").getText()).contains("5 minuti");
        browser.screenshot("47-admin-keys-confirm-rotate");
        browser.clickAndWaitFor("keys:confirmRotate", "/admin/clients");
        String rotated = activeKid();
        assertThat(rotated).isNotEqualTo(active);
        assertThat(browser.messages()).contains("Nuova chiave di firma " + rotated + " attiva.");
        assertThat(keyRow(active).getText()).contains("pubblicata fino al");
        assertThat(publishedKids()).as("the new key signs, the old one still verifies").contains(rotated, active)
                .hasSizeGreaterThanOrEqualTo(2);
        browser.assertNoClippedCells("keys:table");
        browser.assertNoClippedCells("clients:table");
        scrollTo("signing-keys");
        browser.screenshot("48-admin-keys-rotated");
    }

    /** An admin whose sign-in is no longer recent types the password again before registering: nothing saved till then. */
    @Test
    void anAdminWhoseSignInIsNoLongerRecentTypesThePasswordAgainFirst() {
        TestAccount admin = server.accounts().create("staleclients", "ADMIN", true);
        signInAndEnrol(admin);
        server.clock().advance(Duration.ofMinutes(11));
        browser.visit("/admin/clients");
        assertThat(browser.isVisible("stepup:password")).isTrue();

        String clientId = "stale-" + System.nanoTime() % 1_000_000;
        browser.byId("clients:create").click();
        browser.waitUntil(d -> browser.isVisible("create:name"));
        browser.type("create:name", "Troppo tardi");
        browser.type("create:clientId", clientId);
        browser.type("create:redirectUris", "https://late.example.test/cb");
        browser.byId("create:submit").click();
        browser.waitUntil(d -> browser.messages().contains("inserisci di nuovo la tua password"));
        assertThat(browser.isVisible("client-secret")).isFalse();
        assertThat(server.database().column("select client_id from oidc_client where client_id = ?", clientId)).isEmpty();
    }

    private void scrollTo(String id) {
        browser.driver().executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    /** The table row that shows this client id. */
    private WebElement rowOf(String clientId) {
        browser.waitUntil(d -> !rowsContaining("clients:table_data", clientId).isEmpty());
        return rowsContaining("clients:table_data", clientId).get(0);
    }

    private WebElement keyRow(String kid) {
        return rowsContaining("keys:table_data", kid).get(0);
    }

    private List<WebElement> rowsContaining(String tbody, String text) {
        return browser.driver().findElements(By.cssSelector("[id='" + tbody + "'] > tr")).stream()
                .filter(row -> row.getText().contains(text)).toList();
    }

    /** The kid of the row "Attiva: firma i nuovi token" of the keys table. */
    private String activeKid() {
        return browser.driver().findElements(By.cssSelector("[id='keys:table_data'] > tr")).stream()
                .filter(row -> row.getText().contains("firma i nuovi token")).findFirst().orElseThrow()
                .findElement(By.cssSelector("code.soglia-kid")).getText();
    }

    private List<String> publishedKids() throws IOException, InterruptedException {
        Matcher kid = Pattern.compile("\"kid\"\\s*:\\s*\"([^\"]+)\"").matcher(get("/jwks").body());
        List<String> kids = new ArrayList<>();
        while (kid.find()) {
            kids.add(kid.group(1));
        }
        return kids;
    }

    /** The token endpoint's answer to a made-up code, the client authenticated in the form (client_secret_post). */
    private String tokenAnswer(String clientId, String secret) throws IOException, InterruptedException {
        String form = Map.of("grant_type", "authorization_code", "code", "no-such-code", "client_id", clientId,
                        "client_secret", secret, "redirect_uri", "https://example.test/cb").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
