package it.soglia.profile;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.PageTest;
import it.soglia.testing.QrImages;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Linking a new authenticator from the profile: the old one works until the new one's first code is right. */
class NewAuthenticatorIT extends PageTest {

    @Test
    void theOldAppWorksUntilTheNewOneIsConfirmedThenOnlyTheNewOne() {
        TestAccount account = accounts.create("newphone");
        WebSession session = steps.newSession();
        String oldKey = steps.enrol(session, account);

        Page page = proven(session, account, oldKey);
        String newKey = SignInSteps.keyOn(page);
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(QrImages.decodeDataUri(page.byId("qr").orElseThrow().attr("src"), Path.of("target", "qr")))
                .contains("secret=" + newKey + "&");
        assertThat(session.get("/new-authenticator").has("manual-key"))
                .isFalse(); // another visit (or a copied cookie) starts from the proof; this page view goes on

        server.clock().advance(Duration.ofSeconds(30));
        assertThat(signInWith(account, oldKey).path()).isEqualTo("/soglia/profile"); // not confirmed yet: old app
        Page refused = session.submit(page, "newAuthenticator", Map.of("code",
                Codes.code(oldKey, server.clock().now(), 0)), "newAuthenticator:submit");
        assertThat(refused.messages()).contains("non corrisponde");

        String linked = "è stata collegata";
        server.mail().awaitContaining(account.email(), linked); // the first enrolment's notice, before the new one
        long noticesBefore = server.mail().countContaining(account.email(), linked);
        Page done = session.submit(refused, "newAuthenticator", Map.of("code",
                Codes.code(newKey, server.clock().now(), 0)), "newAuthenticator:submit");

        assertThat(done.path()).isEqualTo("/soglia/profile");
        assertThat(done.messages()).contains("nuova app è collegata");
        server.clock().advance(Duration.ofSeconds(30));
        assertThat(signInWith(account, oldKey).path()).isEqualTo("/soglia/code");
        assertThat(signInWith(account, newKey).path()).isEqualTo("/soglia/profile");
        var notices = server.mail().awaitAllContaining(account.email(), linked, (int) noticesBefore + 1);
        assertThat(notices).hasSize((int) noticesBefore + 1); // a notice of its own for the new app
        assertThat(notices.get(notices.size() - 1).subject()).contains("nuova app di autenticazione");
    }

    /** A recent sign-in is not enough: the password alone or the code already used to sign in show no new key. */
    @Test
    void aNewKeyNeedsThePasswordAndACodeTypedNowEvenRightAfterSignIn() {
        TestAccount account = accounts.create("newphonestale");
        WebSession session = steps.newSession();
        String key = steps.enrol(session, account);

        Page page = session.get("/new-authenticator");
        Page passwordOnly = session.submit(page, "stepup", Map.of("password", account.password()), "stepup:submit");
        Page replayed = session.submit(passwordOnly, "stepup", Map.of("password", account.password(),
                "code", Codes.code(key, server.clock().now(), 0)), "stepup:submit"); // the enrolment's code

        assertThat(page.path()).isEqualTo("/soglia/new-authenticator");
        assertThat(page.has("stepup:code")).isTrue();
        assertThat(passwordOnly.messages()).contains("inserisci anche il codice");
        assertThat(replayed.messages()).contains("Codice non valido");
        for (Page refused : new Page[] {page, passwordOnly, replayed}) {
            assertThat(refused.has("manual-key")).isFalse();
            assertThat(refused.has("qr")).isFalse();
            assertThat(refused.has("newAuthenticator")).isFalse();
        }
    }

    /** The proof typed now: the password and the active app's code of the next time step. */
    private Page proven(WebSession session, TestAccount account, String activeKey) {
        server.clock().advance(Duration.ofSeconds(30)); // the enrolment's code is used: the app shows the next one
        return session.submit(session.get("/new-authenticator"), "stepup", Map.of("password", account.password(),
                "code", Codes.code(activeKey, server.clock().now(), 0)), "stepup:submit");
    }

    private Page signInWith(TestAccount account, String key) {
        WebSession session = steps.newSession();
        Page codePage = steps.password(session, account.username(), account.password());
        return steps.code(session, codePage, Codes.code(key, server.clock().now(), 0));
    }
}
