package it.soglia.web;

import it.soglia.audit.RequestOrigin;
import it.soglia.security.Origins;
import it.soglia.security.PasswordReentries;
import it.soglia.throttle.Throttling;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The page side of {@link PasswordReentries} (which decides): keeps this request's admission between the check and
 * its count, and words a refusal.
 */
@RequestScoped
public class PasswordReentryThrottle {

    @Inject
    PasswordReentries reentries;

    @Inject
    Clock clock;

    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    private PasswordReentries.Admission admission;

    /** Counts this attempt; false, with the message why, while the username must wait or is locked. */
    public boolean admit(String username) {
        admission = reentries.admit(username, Origins.of(request));
        admission.refusal().ifPresent(this::showBlock);
        return admission.isAdmitted();
    }

    public void passwordWasRight(String username) {
        reentries.passwordWasRight(admission);
    }

    public void passwordWasWrong(String username, RequestOrigin origin) {
        reentries.passwordWasWrong(admission, origin);
    }

    private void showBlock(Throttling.Block block) {
        if (block.locked()) {
            Messages.error("profile.step-up.locked");
        } else {
            Messages.error("profile.step-up.throttled", Throttling.Block.secondsLeft(clock.instant(), block.until()));
        }
    }
}
