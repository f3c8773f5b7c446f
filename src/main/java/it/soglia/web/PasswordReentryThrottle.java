package it.soglia.web;

import it.soglia.account.Account;
import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import it.soglia.security.Origins;
import it.soglia.throttle.ThrottleRule;
import it.soglia.throttle.ThrottleSettings;
import it.soglia.throttle.Throttling;
import it.soglia.twofactor.ResetService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The password typed again inside a signed-in session (step-up, password change, email change) counts with the
 * sign-in's counter for the username: a session left open is no place to guess it. Past the free attempts the
 * password is not even checked until the wait is over, and the lock after too many is the sign-in's, with its mail.
 */
@RequestScoped
public class PasswordReentryThrottle {

    @Inject
    Throttling throttling;

    @Inject
    ThrottleSettings settings;

    @Inject
    ResetService resets;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    private int count;

    /** Counts this attempt; false, with the message why, while the username must wait or is locked. */
    public boolean admit(String username) {
        var attempt = throttling.attempt(ThrottleRule.PASSWORD_BY_USERNAME, Account.keyOf(username));
        count = attempt.count();
        attempt.block().ifPresent(block -> refuse(username, block));
        return attempt.block().isEmpty();
    }

    public void passwordWasRight(String username) {
        throttling.clear(ThrottleRule.PASSWORD_BY_USERNAME, Account.keyOf(username));
    }

    public void passwordWasWrong(String username, RequestOrigin origin) {
        if (count == settings.passwordLockAfter()) {
            resets.afterPasswordLock(Account.keyOf(username), origin); // the owner is mailed the unlocking link
        }
    }

    /** Not checked: said on the page and written to the audit log, as a refused sign-in is. */
    private void refuse(String username, Throttling.Block block) {
        audit.record(AuditType.SIGN_IN_PASSWORD_REFUSED, username, username, Origins.of(request),
                (block.locked() ? "locked: " : "must wait: ") + "password typed again in a session");
        showBlock(block);
    }

    private void showBlock(Throttling.Block block) {
        if (block.locked()) {
            Messages.error("profile.step-up.locked");
        } else {
            Messages.error("profile.step-up.throttled", Throttling.Block.secondsLeft(clock.instant(), block.until()));
        }
    }
}
