package it.soglia.signin;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Browser;
import it.soglia.testing.BrowserTest;
import it.soglia.testing.Codes;
import it.soglia.testing.QrImages;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

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
        assertKeyBreaksOnlyBetweenGroups();
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
        browser.clickAndWaitFor("use-recovery-code", "/recovery-code");
        browser.type("recovery:code", "KBXP-5AJJ-YMMO-PEQV"); // the longest a code is: it must show whole
        browser.screenshot("05b-recovery-code");
        for (int width : new int[] {1280, Browser.PHONE_WIDTH}) {
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            assertThat((Boolean) browser.driver().executeScript(
                    "var i = document.getElementById('recovery:code'); return i.scrollWidth <= i.clientWidth;"))
                    .as("a whole recovery code fits the field at %d px", width).isTrue();
        }
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
        browser.clickAndWaitFor("back-to-code", "/code");
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
        // the box: text in normal weight, the close button inside the box, on the text's first line
        var box = browser.driver().findElement(By.cssSelector("#messages .soglia-message"));
        var close = box.findElement(By.cssSelector(".soglia-message-close"));
        var text = box.findElement(By.cssSelector(".soglia-message-text"));
        assertThat(Integer.parseInt(text.getCssValue("font-weight"))).isLessThan(600);
        var b = box.getRect();
        var c = close.getRect();
        assertThat(c.getX()).isGreaterThanOrEqualTo(b.getX());
        assertThat(c.getX() + c.getWidth()).isLessThanOrEqualTo(b.getX() + b.getWidth());
        assertThat(c.getY()).isGreaterThanOrEqualTo(b.getY());
        assertThat(c.getY() + c.getHeight()).isLessThanOrEqualTo(b.getY() + b.getHeight());
        close.click();
        browser.waitUntil(d -> d.findElements(By.cssSelector("#messages .soglia-message")).isEmpty());
    }

    /** axe-core really runs in the page, under its Content-Security-Policy: an image without text is found. */
    @Test
    void axeCoreRunsOnThePagesAndFindsAViolation() {
        browser.visit("/login");
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.driver().executeScript("var i = document.createElement('img'); i.src = 'data:image/gif;base64,"
                + "R0lGODlhAQABAAAAACw='; document.querySelector('main').appendChild(i);");
        assertThat(browser.accessibilityViolations()).contains("image-alt");
        browser.driver().navigate().refresh();
    }

    /** At a phone's width the key wraps between its groups of 4, never inside one. */
    private void assertKeyBreaksOnlyBetweenGroups() {
        browser.driver().manage().window().setSize(new Dimension(Browser.PHONE_WIDTH, 844));
        try {
            Object broken = browser.driver().executeScript("""
                    var key = document.getElementById('manual-key'), text = key.firstChild, out = [], at = 0;
                    key.textContent.split(' ').forEach(function (group) {
                        var range = document.createRange();
                        range.setStart(text, at); range.setEnd(text, at + group.length);
                        var tops = new Set(Array.from(range.getClientRects()).map(function (r) { return Math.round(r.top); }));
                        if (tops.size > 1) out.push(group);
                        at += group.length + 1;
                    });
                    return out.join(' ');""");
            assertThat(String.valueOf(broken)).as("groups of the key broken across lines at 390 px").isEmpty();
        } finally {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
        }
    }
}
