package it.soglia.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.BrowserTest;
import it.soglia.testing.Codes;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.SogliaServer.RelyingParty;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestClock;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application we did not write signs its users in through Soglia: the test application (src/test/java/it/soglia/rp,
 * deployed at /rp beside Soglia) uses Jakarta Security's own OpenID Connect mechanism, as Payara implements it,
 * with nothing but Soglia's discovery document, a client id and a secret. In Chromium, as a person does it.
 */
class RelyingPartyBrowserIT extends BrowserTest {

    /** Soglia's clock on real time, as the application's is (the tests before may have moved it hours ahead). */
    private TestClock.RealTime realTime;

    RelyingPartyBrowserIT(SogliaServer server) {
        super(server);
    }

    @BeforeEach
    void clockOnRealTime() {
        realTime = server.clock().realTime();
    }

    @AfterEach
    void clockBack() {
        realTime.close();
    }

    @Test
    void anEnrolledUserSignsInToTheApplicationWithPasswordAndCodeStaysSignedInAndSignsOutOfBoth() {
        RelyingParty application = server.relyingParty();
        TestAccount account = server.accounts().create("rpuser");
        String key = new SignInSteps(server).enrol(new SignInSteps(server).newSession(), account);

        browser.driver().get(application.url() + "/welcome");
        browser.waitForPath("/soglia/login");
        browser.screenshot("rp-01-login");
        browser.type("login:username", account.username());
        browser.type("login:password", account.password());
        browser.clickAndWaitFor("login:submit", "/soglia/code");
        browser.type("code:code", Codes.code(key, server.clock().now(), 1)); // the enrolment used this step's code
        browser.clickAndWaitFor("code:submit", "/rp/welcome");

        browser.screenshot("rp-02-application");
        assertThat(browser.byId("display-name").getText()).isEqualTo("Test rpuser");
        assertThat(browser.byId("caller").getText()).isEqualTo(account.username());
        assertThat(browser.byId("subject").getText()).isEqualTo(Long.toString(account.id()));
        assertThat(browser.byId("is-user").getText()).isEqualTo("true");
        assertThat(browser.byId("is-admin").getText()).isEqualTo("false");
        long firstLoad = Long.parseLong(browser.byId("load").getText());
        assertThat(applicationAudit(account, application)).containsOnlyOnce("APPLICATION_SIGN_IN");

        browser.driver().navigate().refresh(); // the application's own session: no new sign-in at Soglia
        browser.waitForPath("/rp/welcome");
        assertThat(Long.parseLong(browser.byId("load").getText())).isGreaterThan(firstLoad);
        assertThat(browser.byId("caller").getText()).isEqualTo(account.username());
        assertThat(applicationAudit(account, application)).containsOnlyOnce("APPLICATION_SIGN_IN");

        browser.clickAndWaitFor("sign-out", "/rp/signed-out");
        assertThat(URI.create(browser.driver().getCurrentUrl()).getQuery())
                .as("back through Soglia's end-session endpoint, not only out of the application").isNull();
        assertThat(browser.byId("signed-out").getText()).contains("signed out");
        assertThat(applicationAudit(account, application)).containsOnlyOnce("APPLICATION_SIGN_IN")
                .contains("APPLICATION_SIGN_OUT");

        browser.visit("/profile"); // Soglia's session ended too
        browser.waitForPath("/soglia/login");
        browser.driver().get(application.url() + "/welcome"); // and the application's
        browser.waitForPath("/soglia/login");
    }

    @Test
    void aFirstAccessFromTheApplicationEnrolsShowsTheRecoveryCodesAndGoesBackToTheApplication() {
        RelyingParty application = server.relyingParty();
        TestAccount account = server.accounts().create("rpfirst");

        browser.driver().get(application.url() + "/welcome");
        browser.waitForPath("/soglia/login");
        browser.type("login:username", account.username());
        browser.type("login:password", account.password());
        browser.clickAndWaitFor("login:submit", "/soglia/enroll");
        String key = browser.byId("manual-key").getText().replace(" ", "");
        browser.type("enroll:code", Codes.code(key, server.clock().now(), 0));
        browser.clickAndWaitFor("enroll:submit", "/soglia/recovery-codes");
        browser.screenshot("rp-03-recovery-codes");
        browser.clickAndWaitFor("recovery-codes-ack", "/rp/welcome");

        assertThat(browser.byId("display-name").getText()).isEqualTo("Test rpfirst");
        assertThat(browser.byId("caller").getText()).isEqualTo(account.username());
        assertThat(applicationAudit(account, application)).containsOnlyOnce("APPLICATION_SIGN_IN");
    }

    /** What the audit log says the user did in the application (actor: the user, subject: the application). */
    private List<String> applicationAudit(TestAccount account, RelyingParty application) {
        return server.database().column("select type from audit_event where actor = ? and subject = ?"
                + " order by occurred_at, id", account.username(), application.client().clientId());
    }
}
