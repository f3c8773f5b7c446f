package it.soglia.profile;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.QrImages;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.SogliaServerExtension;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestAccounts;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** "Profilo Utente": the QR code of the active authenticator, the password step-up, and the user's own reset. */
@ExtendWith(SogliaServerExtension.class)
class ProfileIT {

    private static SogliaServer server;
    private static SignInSteps steps;
    private static TestAccounts accounts;

    @BeforeAll
    static void start(SogliaServer sogliaServer) {
        server = sogliaServer;
        steps = new SignInSteps(server);
        accounts = server.accounts();
    }

    @Test
    void rightAfterSignInTheProfileShowsTheQrCodeOfTheEnrolledSecret() {
        TestAccount account = accounts.create("profileqr");
        WebSession session = steps.newSession();
        String key = steps.enrol(session, account);

        Page profile = session.get("/profile");

        assertThat(profile.text("manual-key").replace(" ", "")).isEqualTo(key);
        String uri = QrImages.decodeDataUri(profile.byId("qr").orElseThrow().attr("src"), Path.of("target", "qr"));
        assertThat(uri).contains("secret=" + key + "&");
        assertThat(profile.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(accounts.auditTypes(account)).contains("QR_VIEWED");
    }

    @Test
    void tenMinutesAfterSignInTheQrCodeNeedsThePasswordAgain() {
        TestAccount account = accounts.create("stepup");
        WebSession session = steps.newSession();
        String key = steps.enrol(session, account);

        server.clock().advance(Duration.ofMinutes(11));
        Page profile = session.get("/profile");
        assertThat(profile.has("qr")).isFalse();
        assertThat(profile.has("manual-key")).isFalse();

        Page wrong = session.submit(profile, "stepup", Map.of("password", "not-it"), "stepup:submit");
        assertThat(wrong.messages()).contains("Password non valida.");
        assertThat(wrong.has("qr")).isFalse();

        Page shown = session.submit(wrong, "stepup", Map.of("password", account.password()), "stepup:submit");
        assertThat(shown.text("manual-key").replace(" ", "")).isEqualTo(key);
        assertThat(accounts.auditTypes(account)).contains("STEP_UP_FAILED", "STEP_UP_OK");
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
        assertThat(server.mail().awaitOne(account.email()).text()).contains("da te, dal tuo profilo");
        Page enrol = steps.password(steps.newSession(), account.username(), account.password());
        assertThat(enrol.path()).isEqualTo("/soglia/enroll");
        assertThat(SignInSteps.keyOn(enrol)).isNotEqualTo(oldKey);
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
