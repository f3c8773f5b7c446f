package it.soglia.web;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.BrowserTest;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestClients.TestClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An action sent by Ajax (here a PrimeFaces dialog's button) that fails on the server shows the error page, as a
 * full-page request would, instead of leaving the dialog as it was with nothing said. The failure is a real one of
 * the database: the application's row is held locked by another transaction (as an administrator's long-running
 * statement or a stuck node would), so Soglia's update waits past the database's lock timeout and fails.
 */
class AjaxErrorPageBrowserIT extends BrowserTest {

    AjaxErrorPageBrowserIT(SogliaServer server) {
        super(server);
    }

    @Test
    void aDialogActionThatFailsOnTheServerShowsTheErrorPage() throws Exception {
        TestAccount admin = server.accounts().create("ajaxerroradmin", "ADMIN", true);
        TestClient client = server.clients().register("ajax-error", List.of("https://app.example.test/cb"), List.of());
        signInAndEnrol(admin);
        browser.clickAndWaitFor("nav-clients", "/admin/clients");
        browser.waitUntil(d -> d.findElement(By.id("clients:table_data")).getText().contains(client.clientId()));
        browser.driver().findElements(By.cssSelector("[id='clients:table_data'] tr")).stream()
                .filter(row -> row.getText().contains(client.clientId())).findFirst().orElseThrow()
                .findElement(By.cssSelector("button[id$=':newSecret']")).click();
        browser.waitUntil(d -> browser.isVisible("secret:confirm"));

        try (Connection other = server.database().connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "select secret_hash from oidc_client where client_id = ? for update")) {
                lock.setString(1, client.clientId());
                lock.executeQuery().close();
            }
            browser.byId("secret:confirm").click();
            browser.waitUntil(d -> browser.isVisible("server-error"));
            other.rollback();
        }

        assertThat(browser.byId("server-error").getText()).contains("Qualcosa non ha funzionato");
        assertThat(browser.driver().getTitle()).contains("Si è verificato un errore");
        assertThat(browser.driver().getPageSource()).as("no server internals on the page")
                .doesNotContain("Exception").doesNotContain("oidc_client");
        assertThat(browser.driver().findElements(By.id("client-secret"))).as("no new secret shown").isEmpty();
        assertThat(server.database().column("select count(*) from audit_event where type = 'CLIENT_SECRET_CHANGED'"
                + " and subject = ?", client.clientId())).as("nothing done, nothing audited").containsExactly("0");
        browser.screenshot("90-ajax-action-failed-error-page");

        browser.clickLink("Vai alla pagina iniziale"); // the page works: its way out leads back in
        browser.waitForPath("/profile");
    }
}
