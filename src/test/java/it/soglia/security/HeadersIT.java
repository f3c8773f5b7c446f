package it.soglia.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.PageTest;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The headers every answer carries, and the session cookie's attributes. */
class HeadersIT extends PageTest {

    /**
     * HttpOnly; SameSite=Lax (the pre-boot commands in payara-config/); not Secure over plain http. The session
     * begins with the right password (the sign-in page itself keeps none: security/AnonymousVisitorsIT).
     */
    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        TestAccount account = accounts.create("cookieattributes");
        WebSession session = steps.newSession();
        HttpResponse<String> passwordStep = session.submitRaw(session.get("/login"), "login",
                Map.of("username", account.username(), "password", account.password()), "login:submit");

        assertThat(passwordStep.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax")
                .doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void pagesCarryAContentSecurityPolicyWithTheScriptsNonceAndNeverLetThemselvesBeFramed() {
        HttpResponse<String> login = steps.newSession().raw("/login");

        List<String> policies = login.headers().allValues("Content-Security-Policy");
        assertThat(policies).anySatisfy(policy -> assertThat(policy).contains("default-src 'self'")
                .containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'").doesNotContain("unsafe-eval"));
        assertThat(policies).allSatisfy(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        String nonce = policies.stream().filter(p -> p.contains("nonce-")).findFirst().orElseThrow()
                .replaceAll(".*'nonce-([^']+)'.*", "$1");
        assertThat(login.body()).contains("nonce=\"" + nonce + "\""); // the page's scripts carry it
    }

    @Test
    void redirectsAndMissingPagesHaveAPolicyToo() {
        assertThat(steps.newSession().raw("/").headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        assertThat(steps.newSession().raw("/no-such-page").headers().allValues("Content-Security-Policy"))
                .anySatisfy(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
    }

    @Test
    void pagesAreNeitherSniffedNorFramedNorCached() {
        HttpResponse<String> login = steps.newSession().raw("/login");

        assertThat(login.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(login.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(login.headers().firstValue("Referrer-Policy")).contains("same-origin");
    }

    /**
     * Downloads reset the response before writing the file, which drops every header set before: the filter puts
     * the security headers back, so a file of recovery codes or accounts is neither sniffed nor kept in a cache.
     */
    @Test
    void theRecoveryCodesFileAndTheCsvExportsKeepTheSecurityHeaders() {
        TestAccount admin = accounts.create("headersdownload", "ADMIN", true);
        WebSession session = steps.newSession();
        Page enrol = steps.password(session, admin.username(), admin.password());
        Page codes = steps.code(session, enrol, Codes.code(SignInSteps.keyOn(enrol), server.clock().now(), 0));

        HttpResponse<String> codesFile = session.submitRaw(codes, "recoveryCodes", Map.of(), "recovery-codes-download");
        assertIsSafeDownload(codesFile, "text/plain", "soglia-recovery-codes.txt");
        assertThat(codesFile.body()).contains(SignInSteps.recoveryCodesOn(codes).get(0));

        steps.acknowledgeRecoveryCodes(session, codes);
        assertIsSafeDownload(session.submitRaw(session.get("/admin/users"), "users", Map.of(), "users:export"),
                "text/csv", "utenti.csv");
        assertIsSafeDownload(session.submitRaw(session.get("/admin/audit"), "audit", Map.of(), "audit:export"),
                "text/csv", "registro.csv");
    }

    private static void assertIsSafeDownload(HttpResponse<String> download, String contentType, String fileName) {
        var headers = download.headers();
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(headers.firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(contentType));
        assertThat(headers.firstValue("Content-Disposition")).contains("attachment; filename=\"" + fileName + "\"");
        assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(headers.firstValue("X-Frame-Options")).contains("DENY");
        assertThat(headers.firstValue("Cache-Control")).contains("no-store");
        assertThat(headers.firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(headers.allValues("Content-Security-Policy"))
                .containsExactly("frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'");
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
