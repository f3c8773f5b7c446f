package it.soglia.signin;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The code step's lock has a lifetime cap: someone who has the password may not try 5 codes every 15 minutes for
 * ever. After 10 locks in a row (soglia.code.max-lockouts) with no right code in between, the code step stays locked
 * until an admin unlocks it or the owner resets the second factor with a mailed link.
 */
class CodeLockCapIT extends PageTest {

    private static final String LOCKED_FOR_GOOD = "finché un amministratore non la sblocca";
    private static final int LOCKS = 10;
    private static final int CODES_PER_LOCK = 5;

    @Test
    void tenLocksInARowKeepTheCodeStepLockedUntilAnAdminUnlocksIt() {
        TestAccount user = accounts.create("codecap");
        String key = steps.enrol(steps.newSession(), user);
        WebSession guesser = steps.newSession();

        Page last = lockForGood(guesser, user, key);

        assertThat(last.messages()).contains(LOCKED_FOR_GOOD);
        server.clock().advance(Duration.ofHours(6)); // long after any 15-minute lock
        WebSession owner = steps.newSession();
        Page code = steps.password(owner, user.username(), user.password());
        assertThat(code.messages()).contains(LOCKED_FOR_GOOD); // said at once
        Page rightButLocked = steps.code(owner, code, Codes.code(key, server.clock().now(), 0));
        assertThat(rightButLocked.path()).isEqualTo("/soglia/code");
        assertThat(rightButLocked.messages()).contains(LOCKED_FOR_GOOD);
        assertThat(server.mail().awaitContaining(user.email(), "finché un amministratore").subject())
                .isEqualTo("Soglia: troppi codici errati, verifica del codice bloccata");
        assertThat(server.database().column("select detail from audit_event where subject = ? and type = 'CODE_LOCKED'"
                + " order by occurred_at, id", user.username())).hasSize(LOCKS)
                .last().asString().startsWith("until an admin unlocks it or a reset");

        WebSession admin = signedInAdmin();
        Page userPage = admin.get("/admin/user?username=" + user.username());
        assertThat(userPage.text("user-locked")).contains("Fino allo sblocco");
        admin.submit(userPage, "user", Map.of(), "user:unlock");

        Page profile = steps.code(owner, steps.password(owner, user.username(), user.password()),
                Codes.code(key, server.clock().now(), 1));
        assertThat(profile.path()).isEqualTo("/soglia/profile");
    }

    @Test
    void theOwnerLiftsTheCapWithTheLostCodeLink() {
        TestAccount user = accounts.create("codecaplink");
        String key = steps.enrol(steps.newSession(), user);
        lockForGood(steps.newSession(), user, key);

        steps.askResetLink(steps.newSession(), user, user.email());
        steps.redeem(steps.newSession(), server.mail().awaitResetLink(user.email()).resetPath());

        assertThat(steps.password(steps.newSession(), user.username(), user.password()).path())
                .isEqualTo("/soglia/enroll");
    }

    @Test
    void aRightCodeBetweenLocksStartsTheCountAgain() {
        TestAccount user = accounts.create("codecapright");
        String key = steps.enrol(steps.newSession(), user);
        WebSession session = steps.newSession();
        for (int lock = 1; lock < LOCKS; lock++) {
            lockOnce(session, user, key);
        }
        server.clock().advance(Duration.ofMinutes(16));
        Page profile = steps.code(session, steps.password(session, user.username(), user.password()),
                Codes.code(key, server.clock().now(), 0));
        assertThat(profile.path()).isEqualTo("/soglia/profile");

        Page afterOneMoreLock = lockOnce(steps.newSession(), user, key);

        assertThat(afterOneMoreLock.messages()).contains("bloccata fino alle").doesNotContain(LOCKED_FOR_GOOD);
    }

    /** Ten rounds of five wrong codes, each after the previous lock ended; returns the page after the last code. */
    private static Page lockForGood(WebSession session, TestAccount user, String key) {
        Page page = null;
        for (int lock = 1; lock <= LOCKS; lock++) {
            page = lockOnce(session, user, key);
        }
        return page;
    }

    /** Waits out any lock, signs in with the password and types five wrong codes. */
    private static Page lockOnce(WebSession session, TestAccount user, String key) {
        server.clock().advance(Duration.ofMinutes(16));
        Page page = steps.password(session, user.username(), user.password());
        for (int attempt = 0; attempt < CODES_PER_LOCK; attempt++) {
            page = steps.code(session, page, Codes.wrongCode(key, server.clock().now()));
        }
        return page;
    }

    private static WebSession signedInAdmin() {
        TestAccount admin = accounts.create("codecapadmin", "ADMIN", true);
        WebSession session = steps.newSession();
        steps.enrol(session, admin);
        return session;
    }
}
