package it.soglia.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;

/**
 * Why a step did not succeed, left on the request by the mechanism for the page to word its message.
 *
 * @param lockedUntil when {@link Reason#CODE_LOCKED}, until when
 */
public record SignInOutcome(Reason reason, Instant lockedUntil) {

    private static final String ATTRIBUTE = SignInOutcome.class.getName();

    public enum Reason {
        BAD_CREDENTIALS,
        /** Too many wrong passwords lately for this username or from this address: wait until the given time. */
        PASSWORD_THROTTLED,
        /** Too many wrong passwords in a row for this username: an admin's unlock or a mailed reset ends it. */
        PASSWORD_LOCKED,
        PENDING_EXPIRED,
        /** The directory did not answer: its users cannot sign in now (local accounts still can). */
        DIRECTORY_UNAVAILABLE,
        CODE_MALFORMED,
        CODE_REJECTED,
        CODE_LOCKED
    }

    void attachTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
    }

    static SignInOutcome of(Reason reason) {
        return new SignInOutcome(reason, null);
    }

    /** The outcome the mechanism attached; none when it failed by an error rather than by a refusal. */
    public static java.util.Optional<SignInOutcome> attachedTo(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof SignInOutcome o ? java.util.Optional.of(o)
                : java.util.Optional.empty();
    }

    public static SignInOutcome from(HttpServletRequest request) {
        Object outcome = request.getAttribute(ATTRIBUTE);
        return outcome instanceof SignInOutcome o ? o : of(Reason.BAD_CREDENTIALS);
    }
}
