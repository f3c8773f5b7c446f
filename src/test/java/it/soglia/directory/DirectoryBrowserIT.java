package it.soglia.directory;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.BrowserTest;
import it.soglia.testing.Codes;
import it.soglia.testing.QrImages;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The "done when", in Chromium on slapd: a directory user signs in with the directory password, enrols
 * (QR code), signs in daily, loses the phone, resets by the mailed link (to the directory's email), and the next
 * sign-in with the directory password shows the QR code again. A screenshot of every page.
 */
class DirectoryBrowserIT extends BrowserTest {

    /** uid=dir.elena in src/test/resources/directory/people.ldif: Soglia has no account of hers before this test. */
    private static final TestAccount ELENA = new TestAccount(0, "dir.elena", "elena-directory-2026",
            "elena.viola@example.test");

    DirectoryBrowserIT(SogliaServer server) {
        super(server);
    }

    @Test
    void aDirectoryUserEnrolsSignsInDailyLosesThePhoneAndEnrolsAgainAfterTheMailedReset() {
        signInWithPassword(ELENA);
        browser.waitForPath("/enroll");
        browser.screenshot("60-directory-enroll");
        String key = browser.byId("manual-key").getText().replace(" ", "");
        assertThat(QrImages.decodeDataUri(browser.byId("qr").getAttribute("src"), Path.of("target", "qr")))
                .contains("Soglia%20Test:dir.elena?secret=" + key);
        browser.type("enroll:code", Codes.code(key, server.clock().now(), 0));
        browser.clickAndWaitFor("enroll:submit", "/recovery-codes");
        browser.clickAndWaitFor("recovery-codes-ack", "/profile");
        assertThat(browser.byId("directory-password").getText()).contains("directory aziendale");
        assertThat(browser.isVisible("password:submit")).isFalse();
        browser.screenshot("61-directory-profile");
        browser.clickAndWaitFor("logout", "/login");

        signInWithPassword(ELENA); // the daily sign-in: directory password, then the code
        browser.waitForPath("/code");
        browser.type("code:code", Codes.code(key, server.clock().now(), 1));
        browser.clickAndWaitFor("code:submit", "/profile");
        browser.clickAndWaitFor("logout", "/login");

        signInWithPassword(ELENA); // the phone is lost
        browser.waitForPath("/code");
        browser.clickAndWaitFor("lost-code-link", "/lost-code");
        browser.type("lost:email", ELENA.email());
        browser.clickAndWaitFor("lost:submit", "/lost-code");
        String link = server.mail().awaitResetLink(ELENA.email()).resetLink(); // the directory's mail attribute
        browser.driver().get(link);
        browser.waitForPath("/reset");
        browser.clickAndWaitFor("reset:confirm", "/login");
        assertThat(browser.messages()).contains("l’autenticazione a due fattori è stata reimpostata");

        signInWithPassword(ELENA);
        browser.waitForPath("/enroll"); // the QR code again
        String newKey = browser.byId("manual-key").getText().replace(" ", "");
        assertThat(newKey).isNotEqualTo(key);
        browser.screenshot("62-directory-enroll-again");
        browser.type("enroll:code", Codes.code(newKey, server.clock().now(), 0));
        browser.clickAndWaitFor("enroll:submit", "/recovery-codes");
        browser.clickAndWaitFor("recovery-codes-ack", "/profile");
    }

    @Test
    void aDirectoryThatDoesNotAnswerIsSaidOnTheSignInPage() throws Exception {
        server.directory().stop();
        try {
            signInWithPassword(new TestAccount(0, "dir.bruno", "bruno-directory-2026", null));
            browser.waitUntil(driver -> browser.messages().contains("directory aziendale non risponde"));
            browser.screenshot("63-directory-unavailable");
        } finally {
            server.directory().resume();
        }
    }
}
