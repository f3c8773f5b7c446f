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

        Page page = session.get("/new-authenticator");
        String newKey = SignInSteps.keyOn(page);
        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(QrImages.decodeDataUri(page.byId("qr").orElseThrow().attr("src"), Path.of("target", "qr")))
                .contains("secret=" + newKey + "&");
        assertThat(session.get("/new-authenticator").text("manual-key").replace(" ", ""))
                .isEqualTo(newKey); // a reload shows the same key: the app may already hold it

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

    @Test
    void anOldSignInMustTypeThePasswordFirst() {
        TestAccount account = accounts.create("newphonestale");
        WebSession session = steps.newSession();
        steps.enrol(session, account);
        server.clock().advance(Duration.ofMinutes(11));

        Page page = session.get("/new-authenticator");

        assertThat(page.path()).isEqualTo("/soglia/profile");
        assertThat(page.has("manual-key")).isFalse();
        assertThat(page.has("stepup")).isTrue();
    }

    private Page signInWith(TestAccount account, String key) {
        WebSession session = steps.newSession();
        Page codePage = steps.password(session, account.username(), account.password());
        return steps.code(session, codePage, Codes.code(key, server.clock().now(), 0));
    }
}
