package it.soglia.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Wrong passwords slow the next attempt down, per username and per client address, and lock a username after 100 in
 * a row; lost-code requests and unusable reset links are limited per address. Nothing of it tells whether an
 * account exists.
 */
class ThrottlingIT extends PageTest {

    private static final String FAILED = "Nome utente o password non validi.";
    private static final String SLOWED = "Troppi tentativi non riusciti. Attendi";
    private static final String LOCKED = "Accesso bloccato dopo troppi tentativi non riusciti.";

    @Test
    void afterThreeWrongPasswordsTheNextAttemptWaitsEvenWithTheRightPassword() {
        TestAccount account = accounts.create("slowed");
        WebSession session = steps.newSession();
        for (int i = 0; i < 3; i++) {
            assertThat(steps.password(session, account.username(), "wrong-" + i).messages()).isEqualTo(FAILED);
        }

        Page refused = steps.password(session, account.username(), account.password());

        assertThat(refused.path()).isEqualTo("/soglia/login");
        assertThat(refused.messages()).isEqualTo("Troppi tentativi non riusciti. Attendi un secondo e riprova.");
        server.clock().advance(Duration.ofSeconds(2));
        assertThat(steps.password(session, account.username(), account.password()).path()).isEqualTo("/soglia/enroll");
        // the right password ended the series: three more wrong ones are free again
        for (int i = 0; i < 3; i++) {
            assertThat(steps.password(steps.newSession(), account.username(), "wrong").messages()).isEqualTo(FAILED);
        }
    }

    @Test
    void wrongPasswordsSentAllAtOnceAreNotAllChecked() throws Exception {
        TestAccount account = accounts.create("burst");
        List<WebSession> sessions = new ArrayList<>();
        List<Page> logins = new ArrayList<>();
        for (int i = 0; i < 10; i++) { // each with its sign-in page ready, as a script would be
            WebSession session = steps.newSession();
            sessions.add(session);
            logins.add(session.get("/login"));
        }
        List<Page> answers = new ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            List<java.util.concurrent.Future<Page>> pending = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                pending.add(pool.submit(() -> sessions.get(n).submit(logins.get(n), "login",
                        Map.of("username", account.username(), "password", "wrong-" + n), "login:submit")));
            }
            for (var answer : pending) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }

        // three free attempts, then a wait of a second: not ten password checks (a check-then-count let all through)
        long checked = accounts.auditTypes(account).stream().filter("SIGN_IN_PASSWORD_FAILED"::equals).count();
        assertThat(checked).isBetween(1L, 4L);
        // each of the ten got one of the two answers: "wrong password" for each one checked, "wait" for the others
        assertThat(answers).allSatisfy(page -> assertThat(page.path()).isEqualTo("/soglia/login"));
        List<String> messages = answers.stream().map(Page::messages).toList();
        assertThat(messages).allMatch(m -> m.equals(FAILED) || m.startsWith(SLOWED), "\"" + FAILED + "\" or \"" + SLOWED + "…\"");
        assertThat(messages.stream().filter(FAILED::equals).count()).as("answered \"%s\"", FAILED).isEqualTo(checked);
        assertThat(messages.stream().filter(m -> m.startsWith(SLOWED)).count()).isEqualTo(10 - checked);
    }

    @Test
    void anUnknownUsernameIsSlowedDownExactlyLikeAnExistingOne() {
        TestAccount account = accounts.create("known");
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            known.add(steps.password(steps.newSession(), account.username(), "wrong").messages());
            unknown.add(steps.password(steps.newSession(), "nobody." + account.username(), "wrong").messages());
        }

        assertThat(unknown).isEqualTo(known);
        assertThat(known.get(5)).startsWith("Troppi tentativi non riusciti.");
    }

    @Test
    void oneAddressTryingManyUsernamesIsSlowedDownForEveryUsername() {
        TestAccount account = accounts.create("bystander");
        String address = "192.0.2.77";
        for (int i = 0; i < 20; i++) {
            WebSession guesser = steps.newSession().fromAddress(address);
            assertThat(steps.password(guesser, "guess" + i + "." + account.username(), "password").messages())
                    .isEqualTo(FAILED);
        }

        Page fromThatAddress = steps.password(steps.newSession().fromAddress(address), account.username(),
                account.password());
        Page fromElsewhere = steps.password(steps.newSession(), account.username(), account.password());

        assertThat(fromThatAddress.messages()).startsWith("Troppi tentativi non riusciti.");
        assertThat(fromElsewhere.path()).isEqualTo("/soglia/enroll");
    }

    @Test
    void aHundredWrongPasswordsInARowLockTheUsernameUntilTheMailedLinkIsUsed() {
        TestAccount account = accounts.create("hammered");
        for (int i = 0; i < 100; i++) {
            server.clock().advance(Duration.ofMinutes(1)); // past each growing delay: only the count matters here
            assertThat(steps.password(steps.newSession(), account.username(), "wrong-" + i).messages())
                    .isEqualTo(FAILED);
        }

        Page locked = steps.password(steps.newSession(), account.username(), account.password());

        assertThat(locked.messages()).startsWith(LOCKED);
        assertThat(accounts.auditTypes(account)).contains("PASSWORD_LOCKED");
        var mail = server.mail().awaitContaining(account.email(), "troppe password errate");
        assertThat(mail.text()).contains("browser");

        WebSession admin = signedInAdmin();
        Page userPage = admin.get("/admin/user?username=" + account.username());
        assertThat(userPage.text("user-password-locked")).isEqualTo("Bloccato dopo troppe password errate di seguito");
        steps.redeem(steps.newSession(), mail.resetPath());

        assertThat(steps.password(steps.newSession(), account.username(), account.password()).path())
                .isEqualTo("/soglia/enroll");
    }

    @Test
    void anAdminUnlocksAUsernameLockedByWrongPasswords() {
        TestAccount account = accounts.create("unlockme");
        for (int i = 0; i < 100; i++) {
            server.clock().advance(Duration.ofMinutes(1));
            steps.password(steps.newSession(), account.username(), "wrong-" + i);
        }
        assertThat(steps.password(steps.newSession(), account.username(), account.password()).messages())
                .startsWith(LOCKED);
        WebSession admin = signedInAdmin();

        Page after = admin.submit(admin.get("/admin/user?username=" + account.username()), "user", Map.of(),
                "user:unlock");

        assertThat(after.text("user-password-locked")).isEqualTo("—");
        assertThat(steps.password(steps.newSession(), account.username(), account.password()).path())
                .isEqualTo("/soglia/enroll");
    }

    @Test
    void lostCodeRequestsFromOneAddressAreLimited() {
        TestAccount account = accounts.create("manyasks");
        steps.enrol(steps.newSession(), account);
        WebSession session = steps.newSession();
        Page codePage = steps.password(session, account.username(), account.password());
        Page lost = session.get(codePage.byId("lost-code-link").orElseThrow().attr("href").replaceFirst("^/soglia", ""));
        for (int i = 0; i < 10; i++) {
            assertThat(session.submit(lost, "lost", Map.of("email", "x" + i + "@example.test"), "lost:submit")
                    .has("lost-result")).isTrue();
        }

        Page refused = session.submit(lost, "lost", Map.of("email", account.email()), "lost:submit");

        assertThat(refused.messages()).isEqualTo("Troppe richieste da questo indirizzo. Riprova più tardi.");
        assertThat(refused.has("lost-result")).isFalse();
    }

    @Test
    void unusableResetLinksFromOneAddressAreLimited() {
        TestAccount account = accounts.create("guesstoken");
        steps.enrol(steps.newSession(), account);
        steps.askResetLink(steps.newSession(), account, account.email());
        String realLink = server.mail().awaitResetLink(account.email()).resetPath();
        WebSession guesser = steps.newSession();
        for (int i = 0; i < 10; i++) {
            assertThat(guesser.get("/reset?token=" + "A".repeat(42) + i).has("reset-invalid")).isTrue();
        }

        Page refused = guesser.get(realLink);

        assertThat(refused.messages()).isEqualTo("Troppi link non validi aperti da questo indirizzo. Riprova più tardi.");
        assertThat(refused.has("reset:confirm")).isFalse();
        assertThat(steps.newSession().get(realLink).has("reset:confirm")).isTrue(); // the owner, elsewhere, is not
    }

    private WebSession signedInAdmin() {
        TestAccount admin = accounts.create("throttleadmin", "ADMIN", true);
        WebSession session = steps.newSession();
        steps.enrol(session, admin);
        return session;
    }
}
