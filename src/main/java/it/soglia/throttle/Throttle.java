package it.soglia.throttle;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Counts attempts per rule and subject and says when the next one may come (used through {@link Throttling}). Refused attempts are not counted:
 * waiting is enough to try again, and hammering a refusal costs the attacker nothing but gains nothing.
 */
@Stateless
public class Throttle {

    @PersistenceContext
    EntityManager em;

    @Inject
    ThrottleSettings settings;

    @Inject
    Clock clock;

    public Optional<Throttling.Block> blocked(ThrottleRule rule, String subject) {
        ThrottleEntry entry = em.find(ThrottleEntry.class, key(rule, subject));
        if (entry == null) {
            return Optional.empty();
        }
        ThrottlePolicy policy = settings.policy(rule);
        Instant now = clock.instant();
        int standing = policy.standing(entry.attempts(), entry.lastAttemptAt(), now);
        if (policy.locks(standing)) {
            return Optional.of(new Throttling.Block(null, true));
        }
        Instant until = entry.lastAttemptAt().plus(policy.delayAfter(standing));
        return now.isBefore(until) ? Optional.of(new Throttling.Block(until, false)) : Optional.empty();
    }

    /** Counts one attempt; returns how many now stand in the series (the one that reaches the lock, say). */
    public int count(ThrottleRule rule, String subject) {
        ThrottleEntry entry = lockedEntry(rule, subject);
        Instant now = clock.instant(); // read holding the lock, as in attempt
        ThrottlePolicy policy = settings.policy(rule);
        return entry.count(policy.standing(entry.attempts(), entry.lastAttemptAt(), now), now);
    }

    /**
     * Checks and counts in one step, under the row's lock: of requests sent at the same moment only as many go on
     * as the policy allows, the others are refused (a check and a later count would let them all through).
     */
    public Throttling.Attempt attempt(ThrottleRule rule, String subject) {
        ThrottleEntry entry = lockedEntry(rule, subject);
        // The time is read holding the lock: read before, it could precede the last attempt written by a request that
        // had the lock first, and this one would be told to wait for no reason (a burst was refused as much as half).
        Instant now = clock.instant();
        ThrottlePolicy policy = settings.policy(rule);
        int standing = policy.standing(entry.attempts(), entry.lastAttemptAt(), now);
        if (policy.locks(standing)) {
            return new Throttling.Attempt(Optional.of(new Throttling.Block(null, true)), standing);
        }
        Instant until = entry.lastAttemptAt().plus(policy.delayAfter(standing));
        if (standing > 0 && now.isBefore(until)) {
            return new Throttling.Attempt(Optional.of(new Throttling.Block(until, false)), standing);
        }
        return new Throttling.Attempt(Optional.empty(), entry.count(standing, now));
    }

    /**
     * {@link #attempt} in two series at once, in one transaction (a sign-in is a handful of short transactions, and
     * each one costs): {@code second} is asked only when {@code first} admits, and when {@code second} refuses, the
     * attempt just counted in {@code first} is taken back, so a refused attempt counts for nothing. {@code first}'s
     * row is always locked first, as in {@link #settle}: two requests never wait for each other's rows.
     */
    public Throttling.Attempts attemptBoth(ThrottleRule first, String firstSubject, ThrottleRule second,
                                           String secondSubject) {
        Throttling.Attempt inFirst = attempt(first, firstSubject);
        if (inFirst.block().isPresent()) {
            return new Throttling.Attempts(inFirst, Optional.empty());
        }
        Throttling.Attempt inSecond = attempt(second, secondSubject);
        if (inSecond.block().isPresent()) {
            refund(first, firstSubject);
        }
        return new Throttling.Attempts(inFirst, Optional.of(inSecond));
    }

    /**
     * After an {@link #attemptBoth}, in one transaction and the same order of rows: the attempt in {@code first} is
     * taken back, and the series of {@code second} ended ({@code endSecond}) or its attempt taken back too.
     */
    public void settle(ThrottleRule first, String firstSubject, ThrottleRule second, String secondSubject,
                       boolean endSecond) {
        refund(first, firstSubject);
        if (endSecond) {
            clear(second, secondSubject);
        } else {
            refund(second, secondSubject);
        }
    }

    private ThrottleEntry lockedEntry(ThrottleRule rule, String subject) {
        String key = key(rule, subject);
        ThrottleEntry entry = em.find(ThrottleEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (entry == null) {
            entry = new ThrottleEntry(key, clock.instant());
            em.persist(entry); // two first attempts at once: one commit fails, the caller retries (Throttling)
        }
        return entry;
    }

    /**
     * Gives back one attempt that {@link #attempt} counted but that turned out not to count (a right password, for a
     * rule that counts failures only). The time of the last attempt stays: a wait already due is not shortened.
     */
    public void refund(ThrottleRule rule, String subject) {
        ThrottleEntry entry = em.find(ThrottleEntry.class, key(rule, subject), LockModeType.PESSIMISTIC_WRITE);
        if (entry != null) {
            entry.refund();
        }
    }

    /** Ends the series: a right password, an admin's unlock, a completed reset. */
    public void clear(ThrottleRule rule, String subject) {
        ThrottleEntry entry = em.find(ThrottleEntry.class, key(rule, subject));
        if (entry != null) {
            em.remove(entry);
        }
    }

    /** What every key of {@code rule} begins with. */
    static String keyPrefix(ThrottleRule rule) {
        return rule.name() + ":";
    }

    /** The rule and a SHA-256 of the subject: fixed length, and no typed username or address kept in clear. */
    static String key(ThrottleRule rule, String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(subject)
                    .getBytes(StandardCharsets.UTF_8));
            return keyPrefix(rule) + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
