package it.soglia.signin;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.BrowserTest;
import it.soglia.testing.Codes;
import it.soglia.testing.QrImages;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** First access and daily sign-in in Chromium, as a person does them; a screenshot of every page. */
class SignInBrowserIT extends BrowserTest {

    SignInBrowserIT(SogliaServer server) {
        super(server);
    }

    @Test
    void firstAccessByQrCodeThenSignOutAndSignInWithAFreshCode() {
        TestAccount account = server.accounts().create("browser");

        browser.visit("/login");
        browser.screenshot("01-login");
        assertThat(browser.byId("login:username").getAttribute("autocomplete")).isEqualTo("username");
        signInWithPassword(account);

        browser.waitForPath("/enroll");
        browser.screenshot("02-enroll");
        String uri = QrImages.decodeDataUri(browser.byId("qr").getAttribute("src"), Path.of("target", "qr"));
        String key = browser.byId("manual-key").getText().replace(" ", "");
        assertThat(uri).isEqualTo("otpauth://totp/Soglia%20Test:" + account.username() + "?secret=" + key
                + "&issuer=Soglia%20Test&algorithm=SHA1&digits=6&period=30");
        browser.type("enroll:code", Codes.code(key, server.clock().now(), 0));
        browser.clickAndWaitFor("enroll:submit", "/recovery-codes");
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#recovery-codes li"))).hasSize(10);
        browser.screenshot("03-recovery-codes");
        browser.clickAndWaitFor("recovery-codes-ack", "/profile");
        browser.screenshot("03b-profile");
        assertThat(browser.byId("profile-username").getText()).isEqualTo(account.username());
        assertThat(browser.byId("profile-two-factor").getText()).startsWith("Attiva");

        browser.clickAndWaitFor("logout", "/login");
        browser.screenshot("04-signed-out");
        assertThat(browser.messages()).contains("Sei uscito");
        browser.driver().navigate().back();
        browser.waitUntil(d -> "complete".equals(d.executeScript("return document.readyState")));
        assertThat(browser.driver().findElements(org.openqa.selenium.By.id("profile-username"))).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain(account.username() + "</dd>");

        browser.visit("/login");
        signInWithPassword(account);
        browser.waitForPath("/code");
        assertThat(browser.byId("lost-code-link").getText()).isEqualTo("Non sei più in possesso del codice?");
        browser.screenshot("05-code");
        browser.type("code:code", Codes.code(key, server.clock().now(), 1));
        browser.clickAndWaitFor("code:submit", "/profile");
        assertThat(browser.byId("profile-username").getText()).isEqualTo(account.username());
    }

    @Test
    void aWrongPasswordShowsAMessageOnTheSignInPage() {
        TestAccount account = server.accounts().create("browserwrong");

        browser.visit("/login");
        browser.type("login:username", account.username());
        browser.type("login:password", "not-the-password");
        browser.clickAndWaitFor("login:submit", "/login");

        assertThat(browser.messages()).contains("Nome utente o password non validi.");
        browser.screenshot("06-login-failed");
    }
}
