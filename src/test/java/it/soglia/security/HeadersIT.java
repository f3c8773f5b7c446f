package it.soglia.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.PageTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The headers every answer carries, and the session cookie's attributes. */
class HeadersIT extends PageTest {

    /** HttpOnly; SameSite=Lax (payara-config/preboot.asadmin); not Secure over plain http. */
    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        HttpResponse<String> login = steps.newSession().raw("/login");

        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void pagesAreNeitherSniffedNorFramedNorCached() {
        HttpResponse<String> login = steps.newSession().raw("/login");

        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    @Test
    void strictTransportSecurityOnlyOverHttps() {
        assertThat(steps.newSession().raw("/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(steps.newSession().rawOverHttpsProxy("/login").headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(value -> assertThat(value).contains("max-age="));
    }

    @Test
    void theResetPageSendsNoReferrer() {
        assertThat(steps.newSession().raw("/reset?token=x").headers().firstValue("Referrer-Policy"))
                .contains("no-referrer");
    }
}
