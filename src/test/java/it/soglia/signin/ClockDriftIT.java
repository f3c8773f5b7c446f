package it.soglia.signin;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Codes that keep coming one time step off the server's clock mean the phone's clock drifts: the user is told. */
class ClockDriftIT extends PageTest {

    @Test
    void threeSignInsInARowWithCodesOneStepAheadWarnAboutThePhonesClockUntilACodeIsOnTime() {
        TestAccount account = accounts.create("drifter");
        String key = steps.enrol(steps.newSession(), account);

        Page profile = null;
        for (int i = 0; i < 3; i++) {
            assertThat(profile == null || !profile.has("clock-drift")).isTrue(); // not before the third in a row
            profile = signIn(account, key, 1);
        }

        assertThat(profile.text("clock-drift")).contains("avanti di circa 30 secondi").contains("ora automatiche");
        server.clock().advance(Duration.ofSeconds(30)); // past the step of the last (early) code
        assertThat(signIn(account, key, 0).has("clock-drift")).isFalse();
    }

    @Test
    void codesOneStepLateWarnThatThePhoneIsBehind() {
        TestAccount account = accounts.create("laggard");
        String key = steps.enrol(steps.newSession(), account);

        Page profile = null;
        for (int i = 0; i < 3; i++) {
            server.clock().advance(Duration.ofSeconds(30)); // the late code must still be newer than the last one
            profile = signIn(account, key, -1);
        }

        assertThat(profile.text("clock-drift")).contains("indietro di circa 30 secondi");
    }

    /**
     * Signs in, typing the code of {@code stepsOff} steps from the server's; in a later time step than the last
     * sign-in, a few seconds into it, so that the server's step cannot change between the code and its check.
     */
    private Page signIn(TestAccount account, String key, int stepsOff) {
        long intoStep = server.clock().now().getEpochSecond() % 30;
        server.clock().advance(Duration.ofSeconds(30 - intoStep + 2));
        WebSession session = steps.newSession();
        Page codePage = steps.password(session, account.username(), account.password());
        Page page = steps.code(session, codePage, Codes.code(key, server.clock().now(), stepsOff));
        assertThat(page.path()).isEqualTo("/soglia/profile");
        return page;
    }
}
