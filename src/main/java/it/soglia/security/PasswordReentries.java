package it.soglia.security;

import it.soglia.account.Account;
import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import it.soglia.throttle.ThrottleRule;
import it.soglia.throttle.ThrottleSettings;
import it.soglia.throttle.Throttling;
import it.soglia.twofactor.ResetService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * The password typed again inside a signed-in session (step-up, the key shown again, a new authenticator, password
 * and email change) counts with the sign-in's counter for the username: a session left open is no place to guess
 * it. Past the free attempts the password is not even checked until the wait is over, and the lock after too many
 * is the sign-in's, with its mail. The pages only word the answer.
 */
@ApplicationScoped
public class PasswordReentries {

    @Inject
    Throttling throttling;

    @Inject
    ThrottleSettings settings;

    @Inject
    ResetService resets;

    @Inject
    AuditLog audit;

    /** The answer for one password typed again: refused with {@code refusal}, or to be checked as attempt {@code count}. */
    public record Admission(Optional<Throttling.Block> refusal, String username, int count) {
        public boolean isAdmitted() {
            return refusal.isEmpty();
        }
    }

    /** Counts this attempt; refused (audited, not to be checked) while the username must wait or is locked. */
    public Admission admit(String username, RequestOrigin origin) {
        var attempt = throttling.attempt(ThrottleRule.PASSWORD_BY_USERNAME, Account.keyOf(username));
        attempt.block().ifPresent(block -> audit.record(AuditType.SIGN_IN_PASSWORD_REFUSED, username, username, origin,
                (block.locked() ? "locked: " : "must wait: ") + "password typed again in a session"));
        return new Admission(attempt.block(), username, attempt.count());
    }

    /** Right: the username's series ends. */
    public void passwordWasRight(Admission admission) {
        throttling.clear(ThrottleRule.PASSWORD_BY_USERNAME, Account.keyOf(admission.username()));
    }

    /** Wrong: the count stands; the attempt that reaches the lock mails the owner the unlocking link. */
    public void passwordWasWrong(Admission admission, RequestOrigin origin) {
        if (admission.count() == settings.passwordLockAfter()) {
            resets.afterPasswordLock(Account.keyOf(admission.username()), origin);
        }
    }

    /** Not checked at all (the directory did not answer): the attempt costs the username nothing. */
    public void passwordNotChecked(Admission admission) {
        throttling.refund(ThrottleRule.PASSWORD_BY_USERNAME, Account.keyOf(admission.username()));
    }
}
