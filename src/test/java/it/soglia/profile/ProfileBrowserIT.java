package it.soglia.profile;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.BrowserTest;
import it.soglia.testing.QrImages;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** "Profilo Utente" in Chromium: the QR code decodes to the enrolled secret; step-up; the own reset. */
class ProfileBrowserIT extends BrowserTest {

    ProfileBrowserIT(SogliaServer server) {
        super(server);
    }

    @Test
    void theProfileQrCodeIsTheEnrolledSecretAndTheOwnResetLeadsToANewOne() {
        TestAccount account = server.accounts().create("browserprofile");
        String key = signInAndEnrol(account);

        String uri = QrImages.decodeDataUri(browser.byId("qr").getAttribute("src"), Path.of("target", "qr"));
        assertThat(uri).contains("secret=" + key + "&");
        browser.screenshot("30-profile-qr");

        server.clock().advance(Duration.ofMinutes(11));
        browser.visit("/profile");
        assertThat(browser.isVisible("qr")).isFalse();
        browser.screenshot("31-profile-step-up");
        browser.type("stepup:password", account.password());
        browser.byId("stepup:submit").click();
        browser.waitUntil(d -> browser.isVisible("manual-key"));
        assertThat(browser.byId("manual-key").getText().replace(" ", "")).isEqualTo(key);

        browser.byId("profile:reset2fa").click();
        browser.waitUntil(d -> browser.isVisible("profile:confirmReset"));
        browser.screenshot("32-profile-confirm-reset");
        browser.clickAndWaitFor("profile:confirmReset", "/login");
        assertThat(browser.messages()).contains("reimpostata");

        signInWithPassword(account);
        browser.waitForPath("/enroll");
        assertThat(browser.byId("manual-key").getText().replace(" ", "")).isNotEqualTo(key);
    }
}
