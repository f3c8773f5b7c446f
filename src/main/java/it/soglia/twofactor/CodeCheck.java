package it.soglia.twofactor;

import java.time.Instant;

/**
 * The answer to a typed code. A wrong code and a replayed one are both {@link Outcome#REJECTED}: telling them apart
 * would tell an attacker that a code was right once.
 */
public record CodeCheck(Outcome outcome, Instant lockedUntil) {

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

    static final CodeCheck ACCEPTED = new CodeCheck(Outcome.ACCEPTED, null);
    static final CodeCheck MALFORMED = new CodeCheck(Outcome.MALFORMED, null);
    static final CodeCheck REJECTED = new CodeCheck(Outcome.REJECTED, null);
    static final CodeCheck RESTART = new CodeCheck(Outcome.RESTART, null);

    static CodeCheck lockedUntil(Instant until) {
        return new CodeCheck(Outcome.LOCKED, until);
    }

    public boolean isAccepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
