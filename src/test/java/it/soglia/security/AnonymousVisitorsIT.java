package it.soglia.security;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.LiveSessions;
import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, point 3: a visitor who has not typed a right password costs the server no session (a flood of them
 * once filled the heap), and the public pages, which keep no view state for it, still refuse forms posted from
 * another site.
 */
class AnonymousVisitorsIT extends PageTest {

    private static final String EXPIRED = "La pagina era scaduta";

    private static LiveSessions sessions;

    @BeforeAll
    static void observeSessions() {
        sessions = LiveSessions.of(server.baseUrl());
    }

    @Test
    void thePublicPagesAnswerACookielessVisitorWithoutASession() {
        long before = sessions.count();
        for (int i = 0; i < 10; i++) {
            assertAnsweredWithoutSession("/login", 200);
            assertAnsweredWithoutSession("/login?notice=signed-out", 200);
            assertAnsweredWithoutSession("/lost-code", 302); // nothing started: to the sign-in
            assertAnsweredWithoutSession("/reset?token=x", 200);
            assertAnsweredWithoutSession("/reset?token=" + "A".repeat(43), 200);
            assertAnsweredWithoutSession("/no-such-page", 404);
            for (String afterThePassword : new String[] {"/code", "/enroll", "/recovery-code", "/change-password"}) {
                assertAnsweredWithoutSession(afterThePassword, 303); // nothing to continue: to the sign-in, making none
            }
            assertAnsweredWithoutSession("/recovery-codes", 302); // signed-in only: the container sends it to /login
        }

        assertThat(sessions.count()).isLessThanOrEqualTo(before); // none kept behind a missing cookie either
        assertThat(steps.newSession().get("/reset?token=x").has("reset-invalid")).isTrue();
        assertThat(steps.newSession().get("/no-such-page").text("not-found")).contains("non esiste");
    }

    @Test
    void aWrongPasswordFromAFreshClientLeavesNoSessionBehind() {
        TestAccount account = accounts.create("anonwrong");
        long before = sessions.count();
        for (int i = 0; i < 5; i++) { // five names: the same one would soon be slowed down
            WebSession visitor = steps.newSession();
            Page answer = steps.password(visitor, i == 0 ? account.username() : "nobody" + i, "wrong-" + i);
            assertThat(answer.path()).isEqualTo("/soglia/login");
            assertThat(answer.messages()).isEqualTo("Nome utente o password non validi.");
            assertThat(answer.has("login:username")).isTrue();
        }

        assertThat(sessions.count()).isLessThanOrEqualTo(before);
    }

    /** The control of the two tests above: the counter does see the session a right password begins. */
    @Test
    void theSessionBeginsWithTheRightPassword() {
        TestAccount account = accounts.create("anonright");
        WebSession session = steps.newSession();
        Page login = session.get("/login");
        assertThat(session.sessionId()).isNull();
        long before = sessions.count();

        Page next = session.submit(login, "login", Map.of("username", account.username(), "password",
                account.password()), "login:submit");

        assertThat(next.path()).isEqualTo("/soglia/enroll");
        assertThat(session.sessionId()).isNotNull();
        assertThat(sessions.count()).isEqualTo(before + 1);
    }

    /**
     * The sign-in form keeps no view state that a foreign page could not have: a post that names another site (or an
     * opaque {@code null} origin from a page that says it is cross-site) is refused as an expired page, even when the
     * browser sends the session cookie along (one that ignores SameSite), and signs nobody in.
     */
    @Test
    void aSignInFormPostedFromAnotherSiteIsRefused() {
        TestAccount account = accounts.create("crosssite");
        for (Map<String, String> foreign : List.of(Map.of("Origin", "http://evil.example"),
                Map.of("Origin", "http://evil.example", "Sec-Fetch-Site", "same-origin"),
                Map.of("Origin", "null", "Sec-Fetch-Site", "cross-site"), Map.of("Sec-Fetch-Site", "cross-site"),
                Map.of("Sec-Fetch-Site", "same-site"))) {
            WebSession victim = steps.newSession();
            steps.password(victim, account.username(), account.password()); // a session, and its cookie
            Page login = victim.get("/login");
            foreign.forEach(victim::header);
            long signInsBefore = passwordsAccepted(account);

            Page answer = victim.submit(login, "login", Map.of("username", account.username(), "password",
                    account.password()), "login:submit");

            assertThat(answer.path()).as(foreign.toString()).isEqualTo("/soglia/login");
            assertThat(answer.messages()).as(foreign.toString()).contains(EXPIRED);
            assertThat(passwordsAccepted(account)).as(foreign.toString()).isEqualTo(signInsBefore);
        }
    }

    /**
     * The code prompt keeps no view state either (a signed-in session kept it for nothing): a code posted from another
     * site within the victim's sign-in is refused the same way and completes nothing.
     */
    @Test
    void aCodeFormPostedFromAnotherSiteIsRefused() {
        TestAccount account = accounts.create("crosscode");
        String key = steps.enrol(steps.newSession(), account);
        WebSession victim = steps.newSession();
        Page codePage = steps.password(victim, account.username(), account.password());
        assertThat(codePage.path()).isEqualTo("/soglia/code");
        victim.header("Origin", "http://evil.example");
        long completedBefore = signInsCompleted(account);

        Page answer = steps.code(victim, codePage, it.soglia.testing.Codes.code(key, server.clock().now(), 1));

        assertThat(answer.path()).isEqualTo("/soglia/login");
        assertThat(answer.messages()).contains(EXPIRED);
        assertThat(signInsCompleted(account)).isEqualTo(completedBefore);
    }

    @Test
    void aSignInFormPostedFromThisSiteGoesOn() {
        TestAccount account = accounts.create("samesite");
        String thisSite = server.baseUrl().replaceFirst("(https?://[^/]+).*", "$1");
        WebSession browser = steps.newSession().header("Origin", thisSite).header("Sec-Fetch-Site", "same-origin");
        Page login = browser.get("/login");

        Page next = browser.submit(login, "login", Map.of("username", account.username(), "password",
                account.password()), "login:submit");

        assertThat(next.path()).isEqualTo("/soglia/enroll");
    }

    /** The old tab of the sign-in page has nothing to expire: typed again, it signs in. */
    @Test
    void aSignInTabLeftOpenPastItsSessionStillSignsIn() {
        TestAccount account = accounts.create("oldtab");
        Page oldTab = steps.newSession().get("/login");
        WebSession later = steps.newSession();

        Page next = later.submit(oldTab, "login", Map.of("username", account.username(), "password",
                account.password()), "login:submit");

        assertThat(next.path()).isEqualTo("/soglia/enroll");
    }

    private static long signInsCompleted(TestAccount account) {
        return accounts.auditTypes(account).stream().filter("SIGN_IN_COMPLETED"::equals).count();
    }

    private static long passwordsAccepted(TestAccount account) {
        return accounts.auditTypes(account).stream().filter("SIGN_IN_PASSWORD_OK"::equals).count();
    }

    private void assertAnsweredWithoutSession(String path, int status) {
        HttpResponse<String> answer = steps.newSession().raw(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(status);
        assertThat(answer.headers().allValues("Set-Cookie")).as(path)
                .noneSatisfy(cookie -> assertThat(cookie).startsWithIgnoringCase("JSESSIONID"));
    }
}
