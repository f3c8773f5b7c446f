package it.soglia.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When housekeeping may delete a throttle row: only once it is as good as no row, and never a lock. */
class ThrottlePolicyTest {

    private static final Instant LAST = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aSeriesThatLeadsToTheLockNeverEndsByItself() {
        ThrottlePolicy perUsername = new ThrottlePolicy(3, Duration.ofMinutes(1), 100, null);

        assertThat(perUsername.seriesEndsAfter()).isEmpty();
        assertThat(perUsername.locks(perUsername.standing(100, LAST, LAST.plus(Duration.ofDays(3650))))).isTrue();
    }

    @Test
    void aForgottenSeriesEndsOnceForgottenAndItsWaitIsOver() {
        ThrottlePolicy perAddress = new ThrottlePolicy(20, Duration.ofMinutes(1), 0, Duration.ofMinutes(15));
        Duration endsAfter = perAddress.seriesEndsAfter().orElseThrow();
        Instant end = LAST.plus(endsAfter);

        assertThat(endsAfter).isEqualTo(Duration.ofMinutes(15));
        assertThat(perAddress.standing(25, LAST, end)).isZero();
        assertThat(perAddress.standing(25, LAST, end.minusMillis(1))).isEqualTo(25); // still counts just before
    }

    @Test
    void aSeriesForgottenSoonerThanItsWaitEndsWhenTheWaitDoes() {
        ThrottlePolicy noFreeAttempts = new ThrottlePolicy(0, Duration.ofMinutes(5), 0, Duration.ofMillis(500));

        assertThat(noFreeAttempts.seriesEndsAfter()).contains(Duration.ofSeconds(1)); // delayAfter(0) is 1 s
        assertThat(noFreeAttempts.emptySeriesEndsAfter()).isEqualTo(Duration.ofSeconds(1));
    }
}
