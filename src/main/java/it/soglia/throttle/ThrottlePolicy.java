package it.soglia.throttle;

import java.time.Duration;
import java.time.Instant;

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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
