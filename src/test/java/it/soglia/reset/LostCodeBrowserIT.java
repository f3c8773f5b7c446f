package it.soglia.reset;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.BrowserTest;
import it.soglia.testing.Codes;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import org.junit.jupiter.api.Test;

/**
 * The manual's whole path in Chromium: the phone is lost, the user asks for the link, the mail arrives, the link
 * resets the account, and the next sign-in enrols a new authenticator. A screenshot of every page.
 */
class LostCodeBrowserIT extends BrowserTest {

    LostCodeBrowserIT(SogliaServer server) {
        super(server);
    }

    @Test
    void aUserWhoLostTheirPhoneResetsByMailAndEnrolsANewAuthenticator() {
        TestAccount account = server.accounts().create("lostphone");
        String oldKey = new SignInSteps(server).enrol(new SignInSteps(server).newSession(), account);

        browser.visit("/login");
        browser.screenshot("09-login");
        signInWithPassword(account);
        browser.waitForPath("/code");
        browser.screenshot("09-code");
        browser.clickAndWaitFor("lost-code-link", "/lost-code");
        browser.screenshot("10-lost-code");
        browser.type("lost:email", account.email());
        browser.clickAndWaitFor("lost:submit", "/lost-code");
        assertThat(browser.byId("lost-result").getText()).contains("riceverai a breve una mail");
        browser.screenshot("11-lost-code-sent");

        String link = server.mail().awaitResetLink(account.email()).resetLink();
        browser.driver().get(link);
        browser.waitForPath("/reset");
        assertThat(browser.byId("reset:confirm").isDisplayed()).isTrue();
        browser.screenshot("12-reset-confirm");
        browser.clickAndWaitFor("reset:confirm", "/login");
        assertThat(browser.messages()).contains("l’autenticazione a due fattori è stata reimpostata");
        browser.screenshot("13-reset-done");

        signInWithPassword(account);
        browser.waitForPath("/enroll");
        String newKey = browser.byId("manual-key").getText().replace(" ", "");
        assertThat(newKey).isNotEqualTo(oldKey);
        browser.screenshot("14-enroll-again");
        browser.type("enroll:code", Codes.code(newKey, server.clock().now(), 0));
        browser.clickAndWaitFor("enroll:submit", "/recovery-codes");
        browser.clickAndWaitFor("recovery-codes-ack", "/profile");

        browser.clickAndWaitFor("logout", "/login");
        signInWithPassword(account);
        browser.waitForPath("/code");
        browser.screenshot("14-code-new-authenticator");
        browser.type("code:code", Codes.code(newKey, server.clock().now(), 1));
        browser.clickAndWaitFor("code:submit", "/profile");
        assertThat(browser.byId("profile-two-factor").getText()).startsWith("Attiva");
        browser.screenshot("15-signed-in-with-new-authenticator");
    }

    @Test
    void aLinkThatCannotBeUsedSaysSoAndOffersTheSignIn() {
        browser.visit("/reset?token=not-a-real-token");

        assertThat(browser.byId("reset-invalid").getText()).contains("Questo link non è valido");
        browser.screenshot("16-reset-invalid");
        browser.clickAndWaitFor("reset-to-login", "/login");
    }
}
