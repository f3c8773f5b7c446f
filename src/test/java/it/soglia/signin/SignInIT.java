package it.soglia.signin;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.PageTest;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sign-in through the real pages of Soglia running in Payara Micro: first access, daily sign-in and refusals. */
class SignInIT extends PageTest {

    private static final String BAD_CREDENTIALS = "Nome utente o password non validi.";
    private static final String WRONG_CODE = "Codice non valido.";

    @Test
    void firstAccessShowsTheQrCodeAndTheKeyAndTheFirstCodeSignsIn() {
        TestAccount account = accounts.create("first");
        WebSession session = steps.newSession();

        Page enrol = steps.password(session, account.username(), account.password());

        assertThat(enrol.path()).isEqualTo("/soglia/enroll");
        assertThat(enrol.byId("qr").orElseThrow().attr("src")).startsWith("data:image/png;base64,");
        String key = SignInSteps.keyOn(enrol);
        assertThat(key).matches("[A-Z2-7]{32}");
        assertThat(enrol.text("issuer")).isEqualTo("Soglia Test");
        assertThat(enrol.text("account-name")).isEqualTo(account.username());

        Page recoveryCodes = steps.code(session, enrol, Codes.code(key, server.clock().now(), 0));

        assertThat(recoveryCodes.path()).isEqualTo("/soglia/recovery-codes");
        assertThat(SignInSteps.recoveryCodesOn(recoveryCodes)).hasSize(10);
        Page profile = steps.acknowledgeRecoveryCodes(session, recoveryCodes);
        assertThat(profile.path()).isEqualTo("/soglia/profile");
        assertThat(profile.text("profile-username")).isEqualTo(account.username());
        assertThat(accounts.column(account, "two_factor_state")).isEqualTo("ACTIVE");
        assertThat(accounts.auditTypes(account)).contains("SIGN_IN_PASSWORD_OK", "TWO_FACTOR_ENROLLED");
        assertThat(server.mail().awaitContaining(account.email(), "è stata collegata").subject())
                .contains("nuova app di autenticazione"); // if it was not them, they learn at once
    }

    @Test
    void theSecretIsStoredEncryptedNeverAsTheKeyShownToTheUser() {
        TestAccount account = accounts.create("encrypted");
        String key = steps.enrol(steps.newSession(), account);

        String stored = accounts.authenticatorColumn(account, "secret");

        assertThat(stored).startsWith("v1:").doesNotContain(key).doesNotContain(key.substring(0, 8));
    }

    @Test
    void reloadingTheEnrolmentPageKeepsTheSameKey() {
        TestAccount account = accounts.create("reload");
        WebSession session = steps.newSession();
        String first = SignInSteps.keyOn(steps.password(session, account.username(), account.password()));

        String reloaded = SignInSteps.keyOn(session.get("/enroll"));

        assertThat(reloaded).isEqualTo(first);
    }

    @Test
    void aWrongFirstCodeDoesNotEnrol() {
        TestAccount account = accounts.create("wrongfirst");
        WebSession session = steps.newSession();
        Page enrol = steps.password(session, account.username(), account.password());

        Page again = steps.code(session, enrol, Codes.wrongCode(SignInSteps.keyOn(enrol), server.clock().now()));

        assertThat(again.path()).isEqualTo("/soglia/enroll");
        assertThat(again.messages()).contains("Il codice non corrisponde alla chiave");
        assertThat(accounts.column(account, "two_factor_state")).isEqualTo("NOT_ENROLLED");
        assertThat(SignInSteps.keyOn(again)).isEqualTo(SignInSteps.keyOn(enrol));
    }

    @Test
    void dailySignInAsksForTheCodeAndAcceptsTheAuthenticatorsCode() {
        TestAccount account = accounts.create("daily");
        WebSession firstDay = steps.newSession();
        String key = steps.enrol(firstDay, account);

        WebSession nextDay = steps.newSession();
        Page codePage = steps.password(nextDay, account.username(), account.password());

        assertThat(codePage.path()).isEqualTo("/soglia/code");
        assertThat(codePage.byId("lost-code-link").orElseThrow().text()).isEqualTo("Non sei più in possesso del codice?");
        assertThat(codePage.byId("lost-code-link").orElseThrow().attr("href")).isEqualTo("/soglia/lost-code");
        var input = codePage.byId("code:code").orElseThrow();
        assertThat(input.attr("autocomplete")).isEqualTo("one-time-code");
        assertThat(input.attr("inputmode")).isEqualTo("numeric");

        Page profile = steps.code(nextDay, codePage, Codes.code(key, server.clock().now(), 1));

        assertThat(profile.path()).isEqualTo("/soglia/profile");
        var types = accounts.auditTypes(account);
        assertThat(types.subList(types.lastIndexOf("SIGN_IN_PASSWORD_OK"), types.size()))
                .startsWith("SIGN_IN_PASSWORD_OK", "SIGN_IN_COMPLETED");
    }

    @Test
    void aCodeTypedWithASpaceOrAHyphenInTheMiddleIsAccepted() {
        TestAccount account = accounts.create("spaced");
        String key = steps.enrol(steps.newSession(), account);
        WebSession session = steps.newSession();
        Page codePage = steps.password(session, account.username(), account.password());
        String code = Codes.code(key, server.clock().now(), 1);

        Page profile = steps.code(session, codePage, code.substring(0, 3) + "-" + code.substring(3));

        assertThat(profile.path()).isEqualTo("/soglia/profile");
    }

    @Test
    void unknownUserWrongPasswordAndDisabledAccountGetTheSameMessage() {
        TestAccount disabled = accounts.create("disabled");
        accounts.disable(disabled);
        TestAccount wrongPassword = accounts.create("wrongpw");

        Page unknown = steps.password(steps.newSession(), "nobody.here", "whatever-password");
        Page wrong = steps.password(steps.newSession(), wrongPassword.username(), wrongPassword.password() + "x");
        Page off = steps.password(steps.newSession(), disabled.username(), disabled.password());

        for (Page page : new Page[] {unknown, wrong, off}) {
            assertThat(page.path()).isEqualTo("/soglia/login");
            assertThat(page.messages()).isEqualTo(BAD_CREDENTIALS);
        }
        assertThat(accounts.auditTypes(wrongPassword)).containsExactly("SIGN_IN_PASSWORD_FAILED");
        assertThat(accounts.auditTypes(disabled)).containsExactly("SIGN_IN_PASSWORD_FAILED");
    }

    @Test
    void usernamesAreNotCaseSensitive() {
        TestAccount account = accounts.create("CaseUser");

        Page enrol = steps.password(steps.newSession(), account.username().toUpperCase(), account.password());

        assertThat(enrol.path()).isEqualTo("/soglia/enroll");
    }

    @Test
    void aWrongCodeIsRefusedAndTheUserCanTryAgain() {
        TestAccount account = accounts.create("wrongcode");
        String key = steps.enrol(steps.newSession(), account);
        WebSession session = steps.newSession();
        Page codePage = steps.password(session, account.username(), account.password());

        Page refused = steps.code(session, codePage, Codes.wrongCode(key, server.clock().now()));

        assertThat(refused.path()).isEqualTo("/soglia/code");
        assertThat(refused.messages()).startsWith(WRONG_CODE);
        assertThat(refused.byId("code:code").orElseThrow().val()).isEmpty();
        Page profile = steps.code(session, refused, Codes.code(key, server.clock().now(), 1));
        assertThat(profile.path()).isEqualTo("/soglia/profile");
    }

    @Test
    void aReplayedCodeIsRefusedWithTheSameMessageAsAWrongOne() {
        TestAccount account = accounts.create("replay");
        String key = steps.enrol(steps.newSession(), account);
        String code = Codes.code(key, server.clock().now(), 1);
        WebSession first = steps.newSession();
        steps.code(first, steps.password(first, account.username(), account.password()), code);

        WebSession attacker = steps.newSession();
        Page again = steps.code(attacker, steps.password(attacker, account.username(), account.password()), code);
        Page earlier = steps.code(attacker, again, Codes.code(key, server.clock().now(), 0));

        assertThat(again.path()).isEqualTo("/soglia/code");
        assertThat(again.messages()).startsWith(WRONG_CODE);
        assertThat(earlier.path()).isEqualTo("/soglia/code");
        assertThat(earlier.messages()).startsWith(WRONG_CODE);
        assertThat(server.mail().awaitContaining(account.email(), "codice a 6 cifre già usato").text())
                .contains(attacker.clientAddress()); // the owner hears of it, and from where
    }

    /**
     * The code that confirmed the enrolment is used up like any other: someone who watched the user type it (or a
     * script that replays the form) cannot sign in with it.
     */
    @Test
    void theCodeThatConfirmedTheEnrolmentCannotSignInAgain() {
        TestAccount account = accounts.create("enrolreplay");
        WebSession enrolling = steps.newSession();
        Page enrol = steps.password(enrolling, account.username(), account.password());
        String key = SignInSteps.keyOn(enrol);
        String confirmingCode = Codes.code(key, server.clock().now(), 0);
        Page recoveryCodes = steps.code(enrolling, enrol, confirmingCode);
        assertThat(recoveryCodes.path()).isEqualTo("/soglia/recovery-codes");

        WebSession again = steps.newSession();
        Page codePage = steps.password(again, account.username(), account.password());
        Page refused = steps.code(again, codePage, confirmingCode);

        assertThat(codePage.path()).isEqualTo("/soglia/code");
        assertThat(refused.path()).isEqualTo("/soglia/code");
        assertThat(refused.messages()).startsWith(WRONG_CODE);
        Page next = steps.code(again, refused, Codes.code(key, server.clock().now(), 1));
        assertThat(next.path()).isEqualTo("/soglia/profile"); // the next step's code still works
    }

    @Test
    void theSameCodeSentTwiceAtOnceSignsInOnlyOnce() throws Exception {
        TestAccount account = accounts.create("race");
        String key = steps.enrol(steps.newSession(), account);
        WebSession first = steps.newSession();
        WebSession second = steps.newSession();
        Page firstPrompt = steps.password(first, account.username(), account.password());
        Page secondPrompt = steps.password(second, account.username(), account.password());
        String code = Codes.code(key, server.clock().now(), 1);

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var a = pool.submit(() -> steps.code(first, firstPrompt, code));
            var b = pool.submit(() -> steps.code(second, secondPrompt, code));
            long signedIn = java.util.stream.Stream.of(a.get(), b.get())
                    .filter(page -> page.path().equals("/soglia/profile")).count();
            assertThat(signedIn).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCodeThatIsNotSixDigitsGetsItsOwnMessageAndIsNotCounted() {
        TestAccount account = accounts.create("malformed");
        steps.enrol(steps.newSession(), account);
        WebSession session = steps.newSession();
        Page page = steps.password(session, account.username(), account.password());

        for (String typed : new String[] {"12345", "abcdef", "١٢٣٤٥٦", "１２３４５６", "1234567"}) {
            page = steps.code(session, page, typed);
            assertThat(page.messages()).contains("Il codice è composto da 6 cifre");
        }

        assertThat(accounts.column(account, "code_failures")).isEqualTo("0");
    }

    @Test
    void fiveWrongCodesInARowLockTheCodeStepUntilTheLockEnds() {
        TestAccount account = accounts.create("lock");
        String key = steps.enrol(steps.newSession(), account);
        WebSession session = steps.newSession();
        Page page = steps.password(session, account.username(), account.password());
        String wrong = Codes.wrongCode(key, server.clock().now());

        for (int attempt = 1; attempt <= 4; attempt++) {
            page = steps.code(session, page, wrong);
            assertThat(page.messages()).startsWith(WRONG_CODE);
        }
        page = steps.code(session, page, wrong);
        assertThat(page.messages()).contains("bloccata fino alle");

        Page rightButLocked = steps.code(session, page, Codes.code(key, server.clock().now(), 1));
        assertThat(rightButLocked.path()).isEqualTo("/soglia/code");
        assertThat(rightButLocked.messages()).contains("bloccata fino alle");
        assertThat(accounts.auditTypes(account)).contains("CODE_LOCKED");

        server.clock().advance(Duration.ofMinutes(16));
        WebSession later = steps.newSession();
        Page codePage = steps.password(later, account.username(), account.password());
        Page profile = steps.code(later, codePage, Codes.code(key, server.clock().now(), 0));
        assertThat(profile.path()).isEqualTo("/soglia/profile");
    }

    @Test
    void theCodeStepExpiresFiveMinutesAfterThePassword() {
        TestAccount account = accounts.create("pending");
        String key = steps.enrol(steps.newSession(), account);
        WebSession session = steps.newSession();
        Page codePage = steps.password(session, account.username(), account.password());

        server.clock().advance(Duration.ofMinutes(5).plusSeconds(5));
        Page afterPost = steps.code(session, codePage, Codes.code(key, server.clock().now(), 0));

        assertThat(afterPost.path()).isEqualTo("/soglia/login");
        assertThat(afterPost.messages()).contains("Il tempo per completare l’accesso è scaduto");
        assertThat(session.get("/code").path()).isEqualTo("/soglia/login");
        assertThat(accounts.column(account, "code_failures")).isEqualTo("0");
    }

    @Test
    void theCodePromptWithoutAPasswordStepLeadsToTheSignIn() {
        Page page = steps.newSession().get("/code");

        assertThat(page.path()).isEqualTo("/soglia/login");
        assertThat(steps.newSession().get("/enroll").path()).isEqualTo("/soglia/login");
    }

    @Test
    void theSessionIdChangesAfterThePasswordAndAfterTheCode() {
        TestAccount account = accounts.create("fixation");
        String key = steps.enrol(steps.newSession(), account);
        WebSession session = steps.newSession();
        steps.password(session, account.username(), account.password()); // a session before, as a planted one
        Page login = session.get("/login");
        String beforePassword = session.sessionId();

        Page codePage = session.submit(login, "login",
                java.util.Map.of("username", account.username(), "password", account.password()), "login:submit");
        String afterPassword = session.sessionId();
        steps.code(session, codePage, Codes.code(key, server.clock().now(), 1));
        String afterCode = session.sessionId();

        assertThat(beforePassword).isNotNull();
        assertThat(afterPassword).isNotEqualTo(beforePassword);
        assertThat(afterCode).isNotEqualTo(afterPassword);
    }

    @Test
    void signingOutEndsTheSessionAndPagesAreNeverCached() {
        TestAccount account = accounts.create("logout");
        WebSession session = steps.newSession();
        steps.enrol(session, account);
        Page profile = session.get("/profile");
        assertThat(profile.headers().firstValue("Cache-Control")).contains("no-store");

        Page login = steps.logout(session, profile);

        assertThat(login.path()).isEqualTo("/soglia/login");
        assertThat(login.messages()).contains("Sei uscito");
        assertThat(session.get("/profile").path()).isEqualTo("/soglia/login");
    }

    @Test
    void aFormPostedAfterItsSessionEndedLeadsBackToTheSignInWithAMessage() {
        TestAccount account = accounts.create("expiredtab");
        Page oldTab = steps.password(steps.newSession(), account.username(), account.password()); // the enrolment
        WebSession afterTimeout = steps.newSession(); // the old session (and its views) are gone

        Page page = afterTimeout.submit(oldTab, "enroll", java.util.Map.of("code", "123456"), "enroll:submit");

        assertThat(page.path()).isEqualTo("/soglia/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.messages()).contains("La pagina era scaduta");
    }

    @Test
    void signedInPagesAskForASignIn() {
        assertThat(steps.newSession().get("/profile").path()).isEqualTo("/soglia/login");
        assertThat(steps.newSession().get("/").path()).isEqualTo("/soglia/login");
    }

    @Test
    void adminPagesLookLikeMissingPagesToAUser() {
        TestAccount user = accounts.create("notadmin");
        WebSession session = steps.newSession();
        steps.enrol(session, user);

        Page admin = session.get("/admin/users");

        assertThat(admin.status()).isEqualTo(404);
        assertThat(admin.text("not-found")).contains("non esiste");
        assertThat(admin.has("logout")).isTrue(); // the 404 page is in the layout
    }

    @Test
    void anUnknownPageShowsTheNotFoundPageInTheLayout() {
        Page page = steps.newSession().get("/no-such-page");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.text("not-found")).isNotBlank();
        assertThat(page.has("messages")).isTrue();
    }

    @Test
    void pagesAreInItalianByDefaultAndInEnglishWhenTheBrowserAsks() {
        Page noPreference = steps.newSession().acceptLanguage("").get("/login");
        Page german = steps.newSession().acceptLanguage("de-DE,de;q=0.9").get("/login");
        Page english = steps.newSession().acceptLanguage("en-US,en;q=0.9").get("/login");

        assertThat(noPreference.text("login:submit")).isEqualTo("Accedi");
        assertThat(german.text("login:submit")).isEqualTo("Accedi");
        assertThat(english.text("login:submit")).isEqualTo("Sign in");
    }
}
