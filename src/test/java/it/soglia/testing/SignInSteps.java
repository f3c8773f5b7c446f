package it.soglia.testing;

import it.soglia.testing.WebSession.Page;
import java.util.List;
import java.util.Map;

/** The steps of a sign-in as a user takes them, through the real pages. */
public final class SignInSteps {

    private final String baseUrl;
    private final TestClock clock;

    public SignInSteps(SogliaServer server) {
        this(server.baseUrl(), server.clock());
    }

    /** Against any Soglia (a node of the test cluster, say) whose clock the tests hold. */
    public SignInSteps(String baseUrl, TestClock clock) {
        this.baseUrl = baseUrl;
        this.clock = clock;
    }

    public WebSession newSession() {
        return new WebSession(baseUrl);
    }

    public Page password(WebSession session, String username, String password) {
        Page login = session.get("/login");
        return session.submit(login, "login", Map.of("username", username, "password", password), "login:submit");
    }

    public Page code(WebSession session, Page codePage, String code) {
        return session.submit(codePage, codePage.has("enroll") ? "enroll" : "code", Map.of("code", code),
                codePage.has("enroll") ? "enroll:submit" : "code:submit");
    }

    /** The Base32 key shown on the enrolment page, spaces removed. */
    public static String keyOn(Page enrolPage) {
        return enrolPage.text("manual-key").replace(" ", "");
    }

    /** Signs in for the first time and enrols; returns the key the authenticator now holds. */
    public String enrol(WebSession session, TestAccount account) {
        return enrolKeepingRecoveryCodes(session, account).key();
    }

    /** What a first access leaves the user with: the authenticator's key and the recovery codes shown once. */
    public record Enrolment(String key, List<String> recoveryCodes) {
    }

    /**
     * Signs in for the first time, enrols, reads the recovery codes shown after the first code and confirms having
     * kept them; ends on the profile.
     */
    public Enrolment enrolKeepingRecoveryCodes(WebSession session, TestAccount account) {
        Page enrol = password(session, account.username(), account.password());
        String key = keyOn(enrol);
        Page codesPage = code(session, enrol, Codes.code(key, clock.now(), 0));
        if (!codesPage.path().endsWith("/recovery-codes")) {
            throw new AssertionError("enrolment did not show the recovery codes but " + codesPage.uri() + ": "
                    + codesPage.messages());
        }
        List<String> codes = recoveryCodesOn(codesPage);
        Page profile = acknowledgeRecoveryCodes(session, codesPage);
        if (!profile.path().endsWith("/profile")) {
            throw new AssertionError("the recovery codes did not lead to the profile but to " + profile.uri());
        }
        return new Enrolment(key, codes);
    }

    public static List<String> recoveryCodesOn(Page page) {
        return page.document().select("#recovery-codes li").eachText();
    }

    public Page acknowledgeRecoveryCodes(WebSession session, Page codesPage) {
        return session.submit(codesPage, "recoveryCodes", Map.of(), "recovery-codes-ack");
    }

    /** From the code prompt, "Usa un codice di recupero", then the recovery code typed and sent. */
    public Page useRecoveryCode(WebSession session, Page codePage, String recoveryCode) {
        Page recovery = session.get(codePage.byId("use-recovery-code").orElseThrow().attr("href")
                .replaceFirst("^/soglia", ""));
        return session.submit(recovery, "recovery", Map.of("code", recoveryCode), "recovery:submit");
    }

    /** From the code prompt, "Non sei più in possesso del codice?", then the email typed and sent. */
    public Page askResetLink(WebSession session, TestAccount account, String typedEmail) {
        Page codePage = password(session, account.username(), account.password());
        Page lost = session.get(codePage.byId("lost-code-link").orElseThrow().attr("href")
                .replaceFirst("^/soglia", ""));
        return session.submit(lost, "lost", Map.of("email", typedEmail), "lost:submit");
    }

    /** Opens the mailed link and presses the confirmation button. */
    public Page redeem(WebSession session, String resetPath) {
        Page landing = session.get(resetPath);
        return session.submit(landing, "reset", Map.of(), "reset:confirm");
    }

    public Page logout(WebSession session, Page signedInPage) {
        return session.submit(signedInPage, "logout-form", Map.of(), "logout");
    }
}
