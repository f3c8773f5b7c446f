package it.soglia.totp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * RFC 6238 time-based codes under one {@link TotpPolicy}, reading the time from a {@link Clock}.
 *
 * <p>{@link #match} answers which time step a typed code belongs to; deciding whether that step was already used
 * is the caller's business, since only the caller knows what was accepted before.
 */
public final class Totp {

    private final TotpPolicy policy;
    private final Clock clock;

    public Totp(TotpPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    public TotpPolicy policy() {
        return policy;
    }

    /** The time step (counter) an instant falls in. */
    public long stepAt(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), policy.period().getSeconds());
    }

    public long currentStep() {
        return stepAt(clock.instant());
    }

    public String codeAt(byte[] secret, long step) {
        return Hotp.code(policy.algorithm(), secret, step, policy.digits());
    }

    public String currentCode(byte[] secret) {
        return codeAt(secret, currentStep());
    }

    /**
     * The newest step within the accepted window whose code equals {@code code}, if any. Every step of the
     * window is compared, in constant time, whatever matched first.
     *
     * @param code exactly {@code digits} ASCII digits (see {@link CodeInput})
     */
    public OptionalLong match(byte[] secret, String code) {
        byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
        long now = currentStep();
        long matched = Long.MIN_VALUE;
        for (long step = now - policy.window(); step <= now + policy.window(); step++) {
            byte[] expected = codeAt(secret, step).getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(expected, typed)) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}
