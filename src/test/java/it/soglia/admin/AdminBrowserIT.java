package it.soglia.admin;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.BrowserTest;
import it.soglia.testing.Codes;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An admin in Chromium finds a user among many, resets their two-factor authentication with a reason, creates a
 * user, and sees it all in the audit log; the user gets the mail and the QR code at the next sign-in.
 */
class AdminBrowserIT extends BrowserTest {

    AdminBrowserIT(SogliaServer server) {
        super(server);
    }

    @Test
    void anAdminFindsAUserResetsTheirSecondFactorAndSeesItInTheAuditLog() {
        SignInSteps steps = new SignInSteps(server);
        TestAccount user = server.accounts().create("findme");
        steps.enrol(steps.newSession(), user);
        for (int i = 0; i < 25; i++) {
            server.accounts().create("crowd"); // more users than one page holds
        }
        TestAccount admin = server.accounts().create("browseradmin", "ADMIN", true);
        signInAndEnrol(admin);

        browser.clickAndWaitFor("nav-users", "/admin/users");
        browser.search("users:table:globalFilter", "usersTable", user.username());
        browser.waitUntil(d -> d.findElements(By.cssSelector("[id='users:table_data'] tr")).size() == 1
                && d.findElement(By.id("users:table_data")).getText().contains(user.username()));
        browser.assertNoClippedCells("users:table");
        assertThat(browser.byId("nav-users").getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.byId("nav-profile").getAttribute("aria-current")).isNull();
        browser.screenshot("20-admin-users-search");

        browser.search("users:table:globalFilter", "usersTable", "");
        browser.choose("users:roleFilter", "Amministratore");
        browser.waitUntil(d -> {
            var rows = d.findElements(By.cssSelector("[id='users:table_data'] tr"));
            return !rows.isEmpty() && rows.stream().allMatch(row -> row.getText().contains("Amministratore"));
        });
        browser.screenshot("20b-admin-users-role-filter");
        browser.choose("users:roleFilter", "Tutti i ruoli");
        browser.search("users:table:globalFilter", "usersTable", user.username());
        browser.waitUntil(d -> d.findElements(By.cssSelector("[id='users:table_data'] tr")).size() == 1
                && d.findElement(By.id("users:table_data")).getText().contains(user.username()));
        browser.clickLink(user.username());
        browser.waitForPath("/admin/user");
        browser.screenshot("21-admin-user");

        browser.byId("user:reset2fa").click();
        browser.waitUntil(d -> browser.isVisible("user:confirmReset"));
        browser.type("user:reason", "nuovo telefono");
        browser.screenshot("22-admin-confirm-reset");
        browser.clickAndWaitFor("user:confirmReset", "/admin/user");
        assertThat(browser.messages()).contains("reimpostata");
        assertThat(browser.byId("user-two-factor").getText()).isEqualTo("Non attivata");
        server.mail().awaitContaining(user.email(), "da un amministratore");

        browser.clickAndWaitFor("nav-audit", "/admin/audit");
        browser.type("audit:account", user.username());
        browser.byId("audit:account").sendKeys("\t");
        browser.waitUntil(d -> d.findElement(By.id("audit:table_data")).getText().contains("Autenticazione a due fattori reimpostata")
                && d.findElements(By.cssSelector("[id='audit:table_data'] tr")).stream()
                        .allMatch(row -> row.getText().contains(user.username()))); // the filter really applies
        assertThat(browser.byId("audit:table_data").getText()).contains("da un amministratore: nuovo telefono")
                .contains(admin.username()).doesNotContain("TWO_FACTOR_RESET").doesNotContain("by ADMIN");
        assertThat(browser.byId("nav-audit").getAttribute("aria-current")).isEqualTo("page"); // the current section
        assertThat(browser.byId("nav-users").getAttribute("aria-current")).isNull();
        browser.assertNoClippedCells("audit:table");
        browser.assertRowsAtMostTwoLinesHigh("audit:table");
        // the browser in a few words, the whole User-Agent on hover
        var browserCell = browser.driver().findElement(By.cssSelector("[id='audit:table_data'] tr td.soglia-ua span.soglia-browser"));
        assertThat(browserCell.getText()).isEqualTo("Chrome su Linux");
        assertThat(browserCell.getAttribute("title")).contains("Chrome/").contains("Linux");
        browser.screenshot("23-admin-audit");

        var again = steps.newSession();
        assertThat(steps.password(again, user.username(), user.password()).path()).isEqualTo("/soglia/enroll");
    }

    /** On a phone the header folds behind a menu button; every admin page fits the screen (Browser.screenshot). */
    @Test
    void onAPhoneTheHeaderFoldsIntoAMenuButton() {
        TestAccount admin = server.accounts().create("phoneadmin", "ADMIN", true);
        signInAndEnrol(admin);
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.visit("/admin/audit");
        assertThat(browser.isVisible("nav-toggle")).isTrue();
        assertThat(browser.isVisible("logout")).isFalse();
        browser.assertFitsTheScreen("audit on a phone");
        browser.screenshot("26-admin-phone-menu-closed");
        browser.byId("nav-toggle").click();
        browser.waitUntil(d -> browser.isVisible("logout"));
        assertThat(browser.byId("nav-toggle").getAttribute("aria-expanded")).isEqualTo("true");
        browser.assertFitsTheScreen("audit on a phone, menu open");
        browser.screenshot("27-admin-phone-menu-open");
        browser.clickAndWaitFor("nav-mails", "/admin/mails");
        browser.screenshot("28-admin-mails");
        browser.visit("/admin/user?username=" + admin.username());
        browser.byId("user:reset2fa").click();
        browser.waitUntil(d -> browser.isVisible("user:confirmReset"));
        browser.assertDialogFitsAPhone("user:confirmResetDialog");
        browser.screenshot("29-admin-phone-dialog");
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        assertThat(browser.isVisible("nav-toggle")).isFalse();
        assertThat(browser.isVisible("logout")).isTrue();
    }

    @Test
    void anAdminCreatesAUserWhoThenEnrolsAtFirstSignIn() {
        TestAccount admin = server.accounts().create("creator", "ADMIN", true);
        signInAndEnrol(admin);
        browser.visit("/admin/users");

        browser.byId("users:create").click();
        browser.waitUntil(d -> browser.isVisible("create:username"));
        String username = "nuovo.utente" + System.nanoTime() % 100000;
        browser.type("create:username", username);
        browser.type("create:displayName", "Nuovo Utente");
        browser.type("create:email", username + "@example.test");
        browser.screenshot("24-admin-create-user");
        browser.assertDialogFitsAPhone("createDialog");
        browser.byId("create:submit").click();
        browser.waitUntil(d -> browser.isVisible("initial-password"));
        assertThat(browser.messages()).contains("Utente " + username + " creato.");
        String password = browser.byId("initial-password").getText();
        assertThat(password).hasSize(16).doesNotContain(" ");
        assertThat(browser.byId("initial-password").getCssValue("font-family")).containsIgnoringCase("mono");
        assertThat(browser.isVisible("copy-initial-password")).isTrue();
        browser.assertNoClippedCells("users:table");
        browser.screenshot("25-admin-user-created");
        browser.byId("close-initial-password").click(); // shown until the admin closes it
        browser.waitUntil(d -> !browser.isVisible("initial-password"));

        var steps = new SignInSteps(server);
        var session = steps.newSession();
        var change = steps.password(session, username, password);
        assertThat(change.path()).isEqualTo("/soglia/change-password"); // the initial password is replaced first
        String chosen = "la mia password segreta " + System.nanoTime(); // the policy refuses one holding the username
        var enrol = session.submit(change, "password", java.util.Map.of("new", chosen, "confirm", chosen),
                "password:submit");
        assertThat(enrol.path()).as(enrol.messages()).isEqualTo("/soglia/enroll"); // then the authenticator is enrolled
        var codes = steps.code(session, enrol, Codes.code(SignInSteps.keyOn(enrol), server.clock().now(), 0));
        assertThat(codes.path()).isEqualTo("/soglia/recovery-codes");
        var profile = steps.acknowledgeRecoveryCodes(session, codes);
        assertThat(profile.path()).isEqualTo("/soglia/profile");
        assertThat(profile.text("profile-username")).isEqualTo(username);
        assertThat(server.database().column("select display_name || ' ' || email || ' ' || two_factor_state"
                + " from account where username = ?", username))
                .containsExactly("Nuovo Utente " + username + "@example.test ACTIVE"); // as the admin typed it
    }
}
