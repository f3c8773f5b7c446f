package it.soglia.twofactor;

import it.soglia.audit.RequestOrigin;
import it.soglia.throttle.ThrottleRule;
import it.soglia.throttle.Throttling;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * {@link ResetService} behind its per-address limits, each decided in one atomic step ({@link Throttling#attempt}:
 * checked and counted under the row lock), so that of requests sent at once only the free attempts go on; a check
 * and a later count let them all through. Not a transaction of its own: the throttle row is committed (and its lock
 * released) before the reset work begins, and two first attempts at once are retried by {@link Throttling}.
 */
@ApplicationScoped
public class LimitedResets {

    @Inject
    Throttling throttling;

    @Inject
    ResetService resets;

    /** A link, or why none is shown: the address opened too many unusable ones. */
    public record LinkCheck(Optional<ResetService.Preview> preview, boolean throttled) {
        static final LinkCheck THROTTLED = new LinkCheck(Optional.empty(), true);
    }

    /**
     * The lost-code form: each request from the address counts, matched or not (each may send a mail). False, with
     * nothing done, when the address asked too often.
     */
    public boolean requestByEmail(long accountId, String typedEmail, RequestOrigin origin) {
        if (throttling.attempt(ThrottleRule.LOST_CODE_BY_IP, origin.ip()).block().isPresent()) {
            return false;
        }
        resets.requestByEmail(accountId, typedEmail, origin);
        return true;
    }

    /**
     * The landing page of a link. Only unusable links count (someone guessing tokens): a blocked address is refused
     * before any token is looked up, and each unusable one takes an attempt at once, so a burst of guesses gets at
     * most the free answers; the others are refused like any request of a blocked address.
     */
    public LinkCheck preview(String token, RequestOrigin origin) {
        if (isBlocked(origin)) {
            return LinkCheck.THROTTLED;
        }
        Optional<ResetService.Preview> preview = resets.preview(token);
        if (preview.isEmpty() && isRefusedAfterAnUnusableLink(origin)) {
            return LinkCheck.THROTTLED;
        }
        return new LinkCheck(preview, false);
    }

    /** What the link's button does. */
    public enum Redemption { DONE, UNUSABLE, THROTTLED }

    public Redemption redeem(String token, RequestOrigin origin) {
        if (isBlocked(origin)) {
            return Redemption.THROTTLED;
        }
        if (resets.redeem(token, origin)) {
            return Redemption.DONE;
        }
        return isRefusedAfterAnUnusableLink(origin) ? Redemption.THROTTLED : Redemption.UNUSABLE;
    }

    private boolean isBlocked(RequestOrigin origin) {
        return throttling.blocked(ThrottleRule.RESET_BY_IP, origin.ip()).isPresent();
    }

    /** Counts the unusable link; true when the address had no attempt left for it (others came at the same time). */
    private boolean isRefusedAfterAnUnusableLink(RequestOrigin origin) {
        return throttling.attempt(ThrottleRule.RESET_BY_IP, origin.ip()).block().isPresent();
    }
}
