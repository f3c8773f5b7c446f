package it.soglia.profile;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.PageTest;
import it.soglia.testing.QrImages;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import it.soglia.totp.Base32;
import it.soglia.totp.OtpAuthUri;
import it.soglia.totp.TotpPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Profilo Utente": the QR code of the active authenticator behind a proof typed now, the step-up, the own reset. */
class ProfileIT extends PageTest {

    /** A recent sign-in alone, whoever holds its cookie, shows no key: only the proof form. */
    @Test
    void aRecentSignInAloneDoesNotShowTheActiveKey() {
        TestAccount account = accounts.create("profilenokey");
        String key = steps.enrol(steps.newSession(), account);
        WebSession session = steps.newSession();
        steps.code(session, steps.password(session, account.username(), account.password()),
                Codes.code(key, server.clock().now(), 1));

        Page profile = session.get("/profile");

        assertThat(profile.path()).isEqualTo("/soglia/profile");
        assertThat(profile.has("qr")).isFalse();
        assertThat(profile.has("manual-key")).isFalse();
        assertThat(profile.body()).doesNotContain(key).doesNotContain("otpauth");
        assertThat(profile.has("stepup:password")).isTrue();
        assertThat(profile.has("stepup:code")).isTrue();
        assertThat(profile.has("stepup:submit")).isTrue();
        assertThat(accounts.auditTypes(account)).doesNotContain("QR_VIEWED");
    }

    /**
     * The password and the code the app shows now show the key, in that answer only; the QR code decodes (zbarimg)
     * to the otpauth URI of the active secret; the owner is mailed when, from where and with which browser.
     */
    @Test
    void thePasswordAndTheCurrentCodeShowTheActiveKeyOnceAndTheOwnerIsMailed() {
        TestAccount account = accounts.create("profileqr");
        WebSession session = steps.newSession();
        String key = steps.enrol(session, account);
        server.clock().advance(Duration.ofSeconds(30)); // the enrolment's code is used: the app shows the next one

        Page shown = session.submit(session.get("/profile"), "stepup", Map.of("password", account.password(),
                "code", Codes.code(key, server.clock().now(), 0)), "stepup:submit");

        assertThat(shown.text("manual-key").replace(" ", "")).isEqualTo(key);
        String uri = QrImages.decodeDataUri(shown.byId("qr").orElseThrow().attr("src"), Path.of("target", "qr"));
        assertThat(uri).isEqualTo(OtpAuthUri.of("Soglia Test", account.username(), Base32.decode(key),
                TotpPolicy.DEFAULT));
        assertThat(shown.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(accounts.auditTypes(account)).contains("QR_VIEWED");
        var mail = server.mail().awaitContaining(account.email(), "la tua chiave è stata mostrata il");
        assertThat(mail.subject()).contains("chiave");
        assertThat(mail.text()).contains(session.clientAddress()).contains("browser Java-http-client");
        assertThat(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.html()).contains("la tua chiave è stata mostrata il");

        Page reloaded = session.get("/profile");
        assertThat(reloaded.has("manual-key")).isFalse(); // for that page view, not for the session
        assertThat(reloaded.has("qr")).isFalse();
        assertThat(reloaded.has("stepup:code")).isTrue();
    }

    @Test
    void theKeyShownMailIsInTheAccountsLanguage() {
        TestAccount account = accounts.create("profilekeyen");
        WebSession session = steps.newSession();
        String key = steps.enrol(session, account);
        Page saved = session.submit(session.get("/profile"), "language", Map.of("choice_input", "en"), "language:submit");
        assertThat(accounts.column(account, "language")).isEqualTo("en");
        server.clock().advance(Duration.ofSeconds(30));

        session.submit(saved, "stepup", Map.of("password", account.password(),
                "code", Codes.code(key, server.clock().now(), 0)), "stepup:submit");

        var mail = server.mail().awaitContaining(account.email(), "your key was shown on");
        assertThat(mail.subject()).isEqualTo("Soglia: the key of your authenticator app was shown");
        assertThat(mail.text()).contains("from " + session.clientAddress());
    }

    /**
     * The password alone, a wrong code, the code that signed in (in this session or another), a wrong password with
     * the right code: each is said, none shows the key. Wrong codes count as at sign-in; only the full proof is mailed.
     */
    @Test
    void thePasswordAloneAWrongCodeOrTheSignInCodeShowNothing() {
        TestAccount account = accounts.create("profileproof");
        WebSession owner = steps.newSession();
        String key = steps.enrol(owner, account);
        WebSession session = steps.newSession();
        String signInCode = Codes.code(key, server.clock().now(), 1);
        steps.code(session, steps.password(session, account.username(), account.password()), signInCode);
        Page profile = session.get("/profile");

        Page passwordOnly = session.submit(profile, "stepup", Map.of("password", account.password()), "stepup:submit");
        Page wrongCode = session.submit(passwordOnly, "stepup", Map.of("password", account.password(),
                "code", Codes.wrongCode(key, server.clock().now())), "stepup:submit");
        Page replayed = session.submit(wrongCode, "stepup", Map.of("password", account.password(),
                "code", signInCode), "stepup:submit");
        Page replayedElsewhere = owner.submit(owner.get("/profile"), "stepup", Map.of("password", account.password(),
                "code", signInCode), "stepup:submit");
        server.clock().advance(Duration.ofSeconds(30));
        String current = Codes.code(key, server.clock().now(), 1);
        Page wrongPassword = session.submit(replayed, "stepup", Map.of("password", "not-it", "code", current),
                "stepup:submit");

        assertThat(passwordOnly.messages()).contains("Password confermata").contains("inserisci anche il codice");
        assertThat(wrongCode.messages()).contains("Codice non valido");
        assertThat(replayed.messages()).contains("Codice non valido").contains("già usato");
        assertThat(replayedElsewhere.messages()).contains("Codice non valido");
        assertThat(wrongPassword.messages()).contains("Password non valida.");
        for (Page refused : new Page[] {passwordOnly, wrongCode, replayed, replayedElsewhere, wrongPassword}) {
            assertThat(refused.has("manual-key")).isFalse();
            assertThat(refused.has("qr")).isFalse();
            assertThat(refused.body()).doesNotContain(key);
        }
        assertThat(accounts.column(account, "code_failures")).isEqualTo("3"); // counted as at sign-in
        assertThat(accounts.auditTypes(account)).doesNotContain("QR_VIEWED").contains("STEP_UP_FAILED");

        Page shown = session.submit(wrongPassword, "stepup", Map.of("password", account.password(), "code", current),
                "stepup:submit"); // the code typed with a wrong password was not even checked
        assertThat(shown.text("manual-key").replace(" ", "")).isEqualTo(key);
        server.mail().awaitContaining(account.email(), "la tua chiave è stata mostrata");
        assertThat(server.mail().to(account.email()).stream().filter(m -> m.subject().contains("chiave")))
                .hasSize(1); // only the showing, not the refusals
    }

    /** Wrong codes typed at the profile lock the code step as at sign-in: the right code then works nowhere. */
    @Test
    void wrongCodesAtTheProfileLockTheCodeStepAsAtTheSignIn() {
        TestAccount account = accounts.create("profilecodelock");
        WebSession session = steps.newSession();
        String key = steps.enrol(session, account);
        Page page = session.get("/profile");

        for (int attempt = 1; attempt <= 5; attempt++) {
            page = session.submit(page, "stepup", Map.of("password", account.password(),
                    "code", Codes.wrongCode(key, server.clock().now())), "stepup:submit");
        }
        Page rightButLocked = session.submit(page, "stepup", Map.of("password", account.password(),
                "code", Codes.code(key, server.clock().now(), 1)), "stepup:submit");

        assertThat(page.messages()).contains("bloccata fino alle");
        assertThat(rightButLocked.messages()).contains("bloccata fino alle");
        assertThat(rightButLocked.has("manual-key")).isFalse();
        assertThat(accounts.auditTypes(account)).contains("CODE_LOCKED").doesNotContain("QR_VIEWED");
        server.mail().awaitContaining(account.email(), "troppi codici errati");
        WebSession elsewhere = steps.newSession();
        Page code = steps.password(elsewhere, account.username(), account.password());
        assertThat(steps.code(elsewhere, code, Codes.code(key, server.clock().now(), 1)).path())
                .isEqualTo("/soglia/code"); // one lock for the account
    }

    /**
     * A session left open is no place to guess the password: the step-up counts wrong passwords with the sign-in's
     * counter for the username, so after the free ones even the right password must wait.
     */
    @Test
    void wrongPasswordsAtTheStepUpAreThrottledAsAtTheSignIn() {
        TestAccount account = accounts.create("stepupthrottle");
        WebSession session = steps.newSession();
        String key = steps.enrol(session, account);
        server.clock().advance(Duration.ofMinutes(11));
        Page page = session.get("/profile");

        for (int attempt = 1; attempt <= 3; attempt++) {
            page = session.submit(page, "stepup", Map.of("password", "not-it-" + attempt), "stepup:submit");
            assertThat(page.messages()).contains("Password non valida.");
        }
        Page refused = session.submit(page, "stepup", Map.of("password", account.password()), "stepup:submit");

        assertThat(refused.messages()).contains("Troppi tentativi non riusciti");
        assertThat(refused.has("manual-key")).isFalse(); // not even checked
        assertThat(steps.password(steps.newSession(), account.username(), account.password()).messages())
                .contains("Troppi tentativi non riusciti"); // one counter for the username
        server.clock().advance(Duration.ofMinutes(2));
        Page shown = session.submit(refused, "stepup", Map.of("password", account.password(),
                "code", Codes.code(key, server.clock().now(), 0)), "stepup:submit");
        assertThat(shown.has("manual-key")).isTrue();
    }

    @Test
    void wrongCurrentPasswordsInTheChangeFormsAreThrottledAsAtTheSignIn() {
        TestAccount account = accounts.create("changethrottle");
        WebSession session = steps.newSession();
        steps.enrol(session, account);
        Page profile = session.get("/profile");
        String chosen = "una frase lunga e mia " + account.id();

        for (int attempt = 1; attempt <= 2; attempt++) {
            Page wrong = session.submit(profile, "password",
                    Map.of("current", "not-it-" + attempt, "new", chosen, "confirm", chosen), "password:submit");
            assertThat(wrong.messages()).contains("La password attuale non è corretta.");
        }
        Page wrongAtEmail = session.submit(profile, "email",
                Map.of("address", "new." + account.email(), "password", "not-it-3"), "email:submit");
        Page refused = session.submit(profile, "password",
                Map.of("current", account.password(), "new", chosen, "confirm", chosen), "password:submit");

        assertThat(wrongAtEmail.messages()).doesNotContain("Troppi tentativi"); // the third is still free
        assertThat(refused.messages()).contains("Troppi tentativi non riusciti"); // one counter for both forms
        assertThat(steps.password(steps.newSession(), account.username(), chosen).path())
                .isEqualTo("/soglia/login"); // not changed: the right current password was not even checked
        server.clock().advance(Duration.ofMinutes(2));
        Page done = session.submit(profile, "password",
                Map.of("current", account.password(), "new", chosen, "confirm", chosen), "password:submit");
        assertThat(done.messages()).contains("Password cambiata.");
    }

    @Test
    void theOwnResetSignsOutAndTheNextSignInShowsANewQrCode() {
        TestAccount account = accounts.create("ownreset");
        WebSession session = steps.newSession();
        String oldKey = steps.enrol(session, account);
        Page profile = session.get("/profile");
        assertThat(profile.text("profile:reset2fa")).isEqualTo("Resetta autenticazione a due fattori");

        Page login = session.submit(profile, "profile", Map.of(), "profile:confirmReset");

        assertThat(login.path()).isEqualTo("/soglia/login");
        assertThat(session.get("/profile").path()).isEqualTo("/soglia/login");
        assertThat(accounts.column(account, "two_factor_state")).isEqualTo("NOT_ENROLLED");
        server.mail().awaitContaining(account.email(), "da te, dal tuo profilo");
        Page enrol = steps.password(steps.newSession(), account.username(), account.password());
        assertThat(enrol.path()).isEqualTo("/soglia/enroll");
        assertThat(SignInSteps.keyOn(enrol)).isNotEqualTo(oldKey);
    }

    @Test
    void aUserChangesTheirPasswordOnlyWithTheCurrentOneAndWithinThePolicy() {
        TestAccount account = accounts.create("newpassword");
        WebSession session = steps.newSession();
        steps.enrol(session, account);
        Page profile = session.get("/profile");
        String chosen = "una frase lunga e mia " + account.id();

        Page wrongCurrent = session.submit(profile, "password",
                Map.of("current", "nope", "new", chosen, "confirm", chosen), "password:submit");
        Page tooShort = session.submit(profile, "password",
                Map.of("current", account.password(), "new", "short", "confirm", "short"), "password:submit");
        Page common = session.submit(profile, "password",
                Map.of("current", account.password(), "new", "password1234", "confirm", "password1234"), "password:submit");
        Page withName = session.submit(profile, "password", Map.of("current", account.password(),
                "new", "x" + account.username() + "x", "confirm", "x" + account.username() + "x"), "password:submit");
        Page mismatch = session.submit(profile, "password",
                Map.of("current", account.password(), "new", chosen, "confirm", chosen + "!"), "password:submit");

        assertThat(wrongCurrent.messages()).contains("La password attuale non è corretta.");
        assertThat(tooShort.messages()).contains("almeno 12 caratteri");
        assertThat(common.messages()).contains("tra le più comuni");
        assertThat(withName.messages()).contains("non può contenere il nome utente");
        assertThat(mismatch.messages()).contains("non coincidono");
        assertThat(steps.password(steps.newSession(), account.username(), account.password()).path())
                .isEqualTo("/soglia/code"); // nothing changed so far

        Page done = session.submit(profile, "password",
                Map.of("current", account.password(), "new", chosen, "confirm", chosen), "password:submit");

        assertThat(done.messages()).contains("Password cambiata.");
        assertThat(server.mail().awaitContaining(account.email(), "la password dell’account").text())
                .contains(session.clientAddress());
        assertThat(steps.password(steps.newSession(), account.username(), chosen).path()).isEqualTo("/soglia/code");
        assertThat(steps.password(steps.newSession(), account.username(), account.password()).path())
                .isEqualTo("/soglia/login");
    }

    /** Whoever signed in with the old password (a stolen one, say) is out; the session that changed it goes on. */
    @Test
    void aPasswordChangeEndsTheAccountsOtherSessionsButNotThisOne() {
        TestAccount account = accounts.create("othersessions");
        WebSession here = steps.newSession();
        String key = steps.enrol(here, account);
        WebSession elsewhere = steps.newSession();
        Page code = steps.password(elsewhere, account.username(), account.password());
        assertThat(steps.code(elsewhere, code, Codes.code(key, server.clock().now(), 1)).path()).isEqualTo("/soglia/profile");
        String chosen = "una frase lunga e mia " + account.id();

        Page done = here.submit(here.get("/profile"), "password",
                Map.of("current", account.password(), "new", chosen, "confirm", chosen), "password:submit");

        assertThat(done.messages()).contains("Password cambiata.");
        Page ended = elsewhere.get("/profile");
        assertThat(ended.path()).isEqualTo("/soglia/login");
        assertThat(ended.messages()).contains("La sessione è stata chiusa").contains("password cambiata");
        assertThat(elsewhere.get("/profile").path()).isEqualTo("/soglia/login"); // for good, not just once
        assertThat(here.get("/profile").path()).isEqualTo("/soglia/profile");
        assertThat(here.get("/profile").path()).isEqualTo("/soglia/profile");
    }

    /** A sign-in begun with the old password (a guessed one, say) stops at the code once the owner changes it. */
    @Test
    void aSignInHalfDoneWithTheOldPasswordCannotFinishAfterAPasswordChange() {
        TestAccount account = accounts.create("halfdone");
        WebSession owner = steps.newSession();
        String key = steps.enrol(owner, account);
        WebSession guesser = steps.newSession();
        Page codePrompt = steps.password(guesser, account.username(), account.password());
        assertThat(codePrompt.path()).isEqualTo("/soglia/code");
        String chosen = "una frase lunga e mia " + account.id();

        Page done = owner.submit(owner.get("/profile"), "password",
                Map.of("current", account.password(), "new", chosen, "confirm", chosen), "password:submit");
        Page refused = steps.code(guesser, codePrompt, Codes.code(key, server.clock().now(), 1));

        assertThat(done.messages()).contains("Password cambiata.");
        assertThat(refused.path()).isEqualTo("/soglia/login");
        assertThat(refused.messages()).contains("Il tempo per completare l’accesso è scaduto");
        assertThat(guesser.get("/profile").path()).isEqualTo("/soglia/login");
        WebSession again = steps.newSession();
        Page withNewPassword = steps.password(again, account.username(), chosen);
        assertThat(steps.code(again, withNewPassword, Codes.code(key, server.clock().now(), 1)).path())
                .isEqualTo("/soglia/profile");
    }

    @Test
    void changingTheEmailNeedsThePasswordAndTellsBothAddresses() {
        TestAccount account = accounts.create("newemail");
        WebSession session = steps.newSession();
        steps.enrol(session, account);
        Page profile = session.get("/profile");
        String newEmail = "nuovo." + account.email();

        Page refused = session.submit(profile, "email", Map.of("address", newEmail, "password", "wrong"), "email:submit");
        Page injected = session.submit(profile, "email",
                Map.of("address", newEmail + "\r\nBcc: spy@example.test", "password", account.password()), "email:submit");
        assertThat(refused.messages()).contains("La password attuale non è corretta.");
        assertThat(injected.messages()).contains("non è valido");
        assertThat(accounts.column(account, "email")).isEqualTo(account.email());

        Page done = session.submit(profile, "email", Map.of("address", newEmail, "password", account.password()),
                "email:submit");

        assertThat(done.messages()).contains("Indirizzo email cambiato");
        assertThat(accounts.column(account, "email")).isEqualTo(newEmail);
        server.mail().awaitContaining(account.email(), "è stato cambiato in " + newEmail);
        assertThat(server.mail().awaitContaining(newEmail, "è stato cambiato in").subject()).contains("email");
    }

    @Test
    void anAccountCreatedByAnAdminChoosesItsOwnPasswordBeforeEnrolling() {
        TestAccount account = accounts.create("initialpw");
        accounts.requirePasswordChange(account);
        WebSession session = steps.newSession();

        Page change = steps.password(session, account.username(), account.password());
        assertThat(change.path()).isEqualTo("/soglia/change-password");
        assertThat(session.get("/enroll").path()).isEqualTo("/soglia/change-password");

        String chosen = "la mia password segreta " + account.id();
        Page enrol = session.submit(change, "password", Map.of("new", chosen, "confirm", chosen), "password:submit");

        assertThat(enrol.path()).isEqualTo("/soglia/enroll");
        assertThat(enrol.messages()).contains("Password cambiata.");
        assertThat(accounts.column(account, "password_change_required")).isEqualTo("FALSE");
        // The new password ended the account's sessions until then, but not this sign-in, which chose it.
        Page codes = steps.code(session, enrol, Codes.code(SignInSteps.keyOn(enrol), server.clock().now(), 0));
        assertThat(codes.path()).isEqualTo("/soglia/recovery-codes");
        assertThat(steps.password(steps.newSession(), account.username(), chosen).path()).isEqualTo("/soglia/code");
    }

    @Test
    void theOwnResetNeedsAFreshSignIn() {
        TestAccount account = accounts.create("stalereset");
        WebSession session = steps.newSession();
        steps.enrol(session, account);
        server.clock().advance(Duration.ofMinutes(11));
        Page profile = session.get("/profile");

        Page refused = session.submit(profile, "profile", Map.of(), "profile:confirmReset");

        assertThat(refused.path()).isEqualTo("/soglia/profile");
        assertThat(refused.messages()).contains("inserisci di nuovo la password");
        assertThat(accounts.column(account, "two_factor_state")).isEqualTo("ACTIVE");
    }
}
