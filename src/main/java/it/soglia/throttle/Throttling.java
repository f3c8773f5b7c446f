package it.soglia.throttle;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/** The pages' and the sign-in's view of {@link Throttle}: ask before an attempt, count after a failed one. */
@ApplicationScoped
public class Throttling {

    @Inject
    Throttle throttle;

    /**
     * Why an attempt may not be made now.
     *
     * @param until  when the next attempt may come; null when locked
     * @param locked true when only an unlock or a completed reset ends it
     */
    public record Block(Instant until, boolean locked) {

        /** Whole seconds left at {@code now}, rounded up: "wait 0 seconds" would invite a refused attempt. */
        public static long secondsLeft(Instant now, Instant until) {
            long millis = java.time.Duration.between(now, until).toMillis();
            return Math.max(1, (millis + 999) / 1000);
        }
    }

    /**
     * An attempt asked for: refused with {@code block}, or counted, {@code count} now standing in the series.
     */
    public record Attempt(Optional<Block> block, int count) {
    }

    /** {@link Throttle#attemptBoth}'s answer: the first series' attempt, and the second's when it was asked. */
    public record Attempts(Attempt first, Optional<Attempt> second) {

        /** Why the attempt may not be made now, if one of the series refused it. */
        public Optional<Block> block() {
            return first.block().or(() -> second.flatMap(Attempt::block));
        }
    }

    /** Checks and counts in two series in one step (see {@link Throttle#attemptBoth}). */
    public Attempts attemptBoth(ThrottleRule first, String firstSubject, ThrottleRule second, String secondSubject) {
        return againIfRaced(() -> throttle.attemptBoth(first, firstSubject, second, secondSubject));
    }

    /** See {@link Throttle#settle}. */
    public void settle(ThrottleRule first, String firstSubject, ThrottleRule second, String secondSubject,
                       boolean endSecond) {
        throttle.settle(first, firstSubject, second, secondSubject, endSecond);
    }

    /** Checks and counts at once (see {@link Throttle#attempt}); a right answer then {@link #clear}s the series. */
    public Attempt attempt(ThrottleRule rule, String subject) {
        return againIfRaced(() -> throttle.attempt(rule, subject));
    }

    public Optional<Block> blocked(ThrottleRule rule, String subject) {
        return throttle.blocked(rule, subject);
    }

    /** Counts one attempt; returns how many now stand in the series. */
    public int count(ThrottleRule rule, String subject) {
        return againIfRaced(() -> throttle.count(rule, subject));
    }

    /** Takes back one attempt {@link #attempt} counted (see {@link Throttle#refund}). */
    public void refund(ThrottleRule rule, String subject) {
        throttle.refund(rule, subject);
    }

    public void clear(ThrottleRule rule, String subject) {
        throttle.clear(rule, subject);
    }

    /**
     * Two first attempts of a series at once both create its row; the commit of one fails. Asked again, that one finds
     * the row the other created and counts in it.
     */
    private static <T> T againIfRaced(Supplier<T> call) {
        try {
            return call.get();
        } catch (EJBException firstAttemptRace) {
            return call.get();
        }
    }
}
