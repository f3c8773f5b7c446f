package it.soglia.profile;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.BrowserTest;
import it.soglia.testing.Codes;
import it.soglia.testing.QrImages;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.junit.jupiter.api.Test;

/** "Profilo Utente" in Chromium: the proof form, then the QR code decoding to the enrolled secret; the own reset. */
class ProfileBrowserIT extends BrowserTest {

    ProfileBrowserIT(SogliaServer server) {
        super(server);
    }

    @Test
    void theProfileQrCodeIsTheEnrolledSecretAndTheOwnResetLeadsToANewOne() {
        TestAccount account = server.accounts().create("browserprofile");
        String key = signInAndEnrol(account);

        assertThat(browser.isVisible("qr")).isFalse(); // a fresh sign-in alone shows no key
        assertThat(browser.isVisible("manual-key")).isFalse();
        showProofForm(1280, 900, "30-profile-proof-1280");
        showProofForm(390, 844, "30b-profile-proof-390");
        browser.driver().manage().window().setSize(new Dimension(1280, 900));

        server.clock().advance(Duration.ofSeconds(30)); // the enrolment's code is used: the app shows the next one
        browser.type("stepup:password", account.password());
        browser.type("stepup:code", Codes.code(key, server.clock().now(), 0));
        browser.byId("stepup:submit").click();
        browser.waitUntil(d -> browser.isVisible("manual-key"));
        assertThat(browser.byId("manual-key").getText().replace(" ", "")).isEqualTo(key);
        String uri = QrImages.decodeDataUri(browser.byId("qr").getAttribute("src"), Path.of("target", "qr"));
        assertThat(uri).contains("secret=" + key + "&");
        browser.screenshot("31-profile-qr");

        browser.byId("profile:reset2fa").click();
        browser.waitUntil(d -> browser.isVisible("profile:confirmReset"));
        browser.screenshot("32-profile-confirm-reset");
        browser.clickAndWaitFor("profile:confirmReset", "/login");
        assertThat(browser.messages()).contains("reimpostata");

        signInWithPassword(account);
        browser.waitForPath("/enroll");
        assertThat(browser.byId("manual-key").getText().replace(" ", "")).isNotEqualTo(key);
    }

    /** The proof form as a user sees it at {@code width} pixels, scrolled into view. */
    private void showProofForm(int width, int height, String screenshot) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
        browser.visit("/profile");
        browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.byId("stepup"));
        assertThat(browser.isVisible("stepup:password")).isTrue();
        assertThat(browser.isVisible("stepup:code")).isTrue();
        assertThat(browser.isVisible("stepup:submit")).isTrue();
        browser.screenshot(screenshot);
    }
}
