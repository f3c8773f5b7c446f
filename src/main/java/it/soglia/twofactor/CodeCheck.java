package it.soglia.twofactor;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a typed code. A wrong code and a replayed one are both {@link Outcome#REJECTED}: telling them apart
 * would tell an attacker that a code was right once.
 *
 * @param lockedUntil       for {@link Outcome#LOCKED}: until when; null when locked until an admin unlocks it or a
 *                          reset
 * @param newRecoveryCodes  for an accepted enrolment: the recovery codes issued with it, to be shown once
 */
public record CodeCheck(Outcome outcome, Instant lockedUntil, List<String> newRecoveryCodes) {

    public enum Outcome {
        ACCEPTED,
        /** Not six digits: nothing was checked or counted. */
        MALFORMED,
        REJECTED,
        /** Too many wrong codes in a row; see {@link #lockedUntil()}. */
        LOCKED,
        /** The sign-in cannot go on (account disabled, or enrolled meanwhile elsewhere): start again. */
        RESTART
    }

    static final CodeCheck ACCEPTED = new CodeCheck(Outcome.ACCEPTED, null, List.of());
    static final CodeCheck MALFORMED = new CodeCheck(Outcome.MALFORMED, null, List.of());
    static final CodeCheck REJECTED = new CodeCheck(Outcome.REJECTED, null, List.of());
    static final CodeCheck RESTART = new CodeCheck(Outcome.RESTART, null, List.of());

    static final CodeCheck LOCKED_FOR_GOOD = new CodeCheck(Outcome.LOCKED, null, List.of());

    static CodeCheck lockedUntil(Instant until) {
        return new CodeCheck(Outcome.LOCKED, until, List.of());
    }

    static CodeCheck enrolledWith(List<String> recoveryCodes) {
        return new CodeCheck(Outcome.ACCEPTED, null, List.copyOf(recoveryCodes));
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
