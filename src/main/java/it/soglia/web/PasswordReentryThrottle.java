package it.soglia.web;

import it.soglia.account.Account;
import it.soglia.audit.RequestOrigin;
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

    private int count;

    /** Counts this attempt; false, with the message why, while the username must wait or is locked. */
    public boolean admit(String username) {
        var attempt = throttling.attempt(ThrottleRule.PASSWORD_BY_USERNAME, Account.keyOf(username));
        count = attempt.count();
        attempt.block().ifPresent(this::showBlock);
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

    private void showBlock(Throttling.Block block) {
        if (block.locked()) {
            Messages.error("profile.step-up.locked");
        } else {
            Messages.error("profile.step-up.throttled", Throttling.Block.secondsLeft(clock.instant(), block.until()));
        }
    }
}
