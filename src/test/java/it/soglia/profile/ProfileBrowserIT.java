package it.soglia.profile;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Browser;
import it.soglia.testing.Codes;
import it.soglia.testing.QrImages;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.SogliaServerExtension;
import it.soglia.testing.TestAccount;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** "Profilo Utente" in Chromium: the QR code decodes to the enrolled secret; step-up; the own reset. */
@ExtendWith(SogliaServerExtension.class)
class ProfileBrowserIT {

    private final SogliaServer server;
    private Browser browser;

    ProfileBrowserIT(SogliaServer server) {
        this.server = server;
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(server.baseUrl());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void theProfileQrCodeIsTheEnrolledSecretAndTheOwnResetLeadsToANewOne() {
        TestAccount account = server.accounts().create("browserprofile");
        browser.visit("/login");
        browser.type("login:username", account.username());
        browser.type("login:password", account.password());
        browser.byId("login:submit").click();
        browser.waitForPath("/enroll");
        String key = browser.byId("manual-key").getText().replace(" ", "");
        browser.type("enroll:code", Codes.code(key, server.clock().now(), 0));
        browser.clickAndWaitFor("enroll:submit", "/profile");

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

        browser.type("login:username", account.username());
        browser.type("login:password", account.password());
        browser.byId("login:submit").click();
        browser.waitForPath("/enroll");
        assertThat(browser.byId("manual-key").getText().replace(" ", "")).isNotEqualTo(key);
    }
}
