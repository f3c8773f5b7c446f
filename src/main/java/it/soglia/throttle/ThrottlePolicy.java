package it.soglia.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How one rule grows its delay: the first {@code freeAttempts} cost nothing, then each further one doubles the wait
 * (1 s, 2 s, 4 s, ...) up to {@code maxDelay}. After {@code lockAfter} in a row (0: never) it stops until cleared.
 * A series older than {@code forgetAfter} (null: never) starts again from zero.
 */
public record ThrottlePolicy(int freeAttempts, Duration maxDelay, int lockAfter, Duration forgetAfter) {

    public ThrottlePolicy {
        if (freeAttempts < 0 || lockAfter < 0 || maxDelay.isNegative()) {
            throw new IllegalArgumentException("throttle settings must not be negative");
        }
    }

    /** The wait after {@code count} attempts in a row. */
    public Duration delayAfter(int count) {
        if (count < freeAttempts) {
            return Duration.ZERO;
        }
        int doublings = count - freeAttempts;
        return doublings >= 30 ? maxDelay : min(Duration.ofSeconds(1L << doublings), maxDelay);
    }

    public boolean locks(int count) {
        return lockAfter > 0 && count >= lockAfter;
    }

    /** The count still standing at {@code now} for a series whose last attempt was at {@code last}. */
    public int standing(int count, Instant last, Instant now) {
        return forgetAfter != null && !now.isBefore(last.plus(forgetAfter)) ? 0 : count;
    }

    /**
     * How long after its last attempt a series with no attempt standing (every one refunded) is as good as none: its
     * wait, if any, is over.
     */
    public Duration emptySeriesEndsAfter() {
        return delayAfter(0);
    }

    /**
     * How long after its last attempt any series of this rule is as good as none: forgotten, and its wait over. Empty
     * when a series never ends by itself: its count stands until a right answer, an unlock or a reset clears it, so
     * that it still leads to the lock.
     */
    public Optional<Duration> seriesEndsAfter() {
        return forgetAfter == null ? Optional.empty() : Optional.of(max(forgetAfter, delayAfter(0)));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
