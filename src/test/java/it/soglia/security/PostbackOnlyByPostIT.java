package it.soglia.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.jsoup.nodes.FormElement;
import org.junit.jupiter.api.Test;

/**
 * A state-changing Faces form only acts when it is posted: the same fields sent as a GET (a link an admin may be lured
 * into opening) are refused and change nothing, while plain GET navigation still works.
 */
class PostbackOnlyByPostIT extends PageTest {

    @Test
    void theDisableButtonSentAsAGetWithTheViewStateIsRefusedAndChangesNothing() {
        TestAccount user = accounts.create("getdisable");
        TestAccount adminAccount = accounts.create("getdisable-admin", "ADMIN", true);
        WebSession admin = steps.newSession();
        steps.enrol(admin, adminAccount);
        Page page = admin.get("/admin/user?username=" + user.username());
        assertThat(page.has("user:disable")).isTrue();

        HttpResponse<String> asGet = admin.raw("/admin/user?username=" + user.username() + "&" + fieldsOf(page, "user")
                + "&" + encode("user:disable") + "=");

        assertThat(asGet.statusCode()).isEqualTo(405);
        assertThat(accounts.column(user, "enabled")).isEqualToIgnoringCase("true");
        Page again = admin.get("/admin/user?username=" + user.username()); // navigation without a view state works
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("user-status")).isEqualTo("Attivo");
    }

    @Test
    void thePostedFormStillWorks() {
        TestAccount user = accounts.create("postdisable");
        TestAccount adminAccount = accounts.create("postdisable-admin", "ADMIN", true);
        WebSession admin = steps.newSession();
        steps.enrol(admin, adminAccount);

        admin.submit(admin.get("/admin/user?username=" + user.username()), "user", java.util.Map.of(), "user:disable");

        assertThat(accounts.column(user, "enabled")).isEqualToIgnoringCase("false");
    }

    /**
     * Looking for a view state in a GET's query string must not make the container parse the parameters: Faces then
     * could not set the request's encoding, and Payara wrote a warning into its log at every page of a session.
     */
    @Test
    void pagesOfASessionLeaveNoEncodingWarningInTheLog() throws Exception {
        TestAccount account = accounts.create("getencoding");
        WebSession session = steps.newSession();
        String key = steps.enrol(session, account);
        long warningsBefore = encodingWarnings();

        for (int i = 0; i < 3; i++) {
            assertThat(session.get("/profile?tab=" + i).status()).isEqualTo(200); // a query string too
        }
        WebSession next = steps.newSession();
        Page codePage = steps.password(next, account.username(), account.password());
        Page profile = steps.code(next, codePage, it.soglia.testing.Codes.code(key, server.clock().now(), 1));

        assertThat(profile.path()).isEqualTo("/soglia/profile");
        assertThat(encodingWarnings()).isEqualTo(warningsBefore);
    }

    private static long encodingWarnings() throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(server.payara().logFile())) {
            return lines.filter(line -> line.contains("Unable to set request character encoding")).count();
        }
    }

    /** The form's fields (view state, CSP nonce field) as a query string, as a crafted link would carry them. */
    private static String fieldsOf(Page page, String formId) {
        FormElement form = (FormElement) page.document().getElementById(formId);
        String fields = form.formData().stream().map(kv -> encode(kv.key()) + "=" + encode(kv.value()))
                .collect(Collectors.joining("&"));
        assertThat(fields).contains("jakarta.faces.ViewState");
        return fields + WebSession.cspNonceOf(page.document()).map(n -> "&primefaces.nonce=" + encode(n)).orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
