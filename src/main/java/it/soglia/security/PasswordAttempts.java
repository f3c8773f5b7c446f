package it.soglia.security;

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
 * Which typed passwords of the sign-in are checked at all. The client address's attempt is taken first, then the
 * username's, each checked and counted in one step under its row lock: of a burst sent at once only the free
 * attempts of each are checked, whatever the usernames. A password that is not checked counts for nothing else
 * (an address that must wait grows no username's counter: nobody can lock a victim silently through a blocked
 * address) and is written to the audit log.
 */
@ApplicationScoped
public class PasswordAttempts {

    @Inject
    Throttling throttling;

    @Inject
    ThrottleSettings settings;

    @Inject
    ResetService resets;

    @Inject
    AuditLog audit;

    /**
     * The answer for one typed password: refused with {@code refusal}, or to be checked, {@code usernameCount} then
     * standing in the username's series.
     */
    public record Admission(Optional<Throttling.Block> refusal, String usernameKey, String address, int usernameCount) {
    }

    /** Admits the attempt to a password check, or answers why it may not be made now (audited). */
    public Admission admit(String typedUsername, String usernameKey, RequestOrigin origin) {
        // One transaction; a refusal by the username takes back the address's attempt: not checked, it costs nothing.
        var attempts = throttling.attemptBoth(ThrottleRule.PASSWORD_BY_IP, origin.ip(),
                ThrottleRule.PASSWORD_BY_USERNAME, usernameKey);
        if (attempts.block().isPresent()) {
            return refused(attempts.block().get(), typedUsername, usernameKey, origin,
                    attempts.first().block().isPresent() ? "client address" : "username");
        }
        return new Admission(Optional.empty(), usernameKey, origin.ip(), attempts.second().orElseThrow().count());
    }

    /**
     * The password was right: the username's series ends, and the address gets its attempt back, since it counts
     * failures only (an office behind one address is not slowed down by its own sign-ins).
     */
    public void succeeded(Admission attempt) {
        throttling.settle(ThrottleRule.PASSWORD_BY_IP, attempt.address(), ThrottleRule.PASSWORD_BY_USERNAME,
                attempt.usernameKey(), true);
    }

    /** The password could not be checked (the directory did not answer): neither count grows. */
    public void notChecked(Admission attempt) {
        throttling.settle(ThrottleRule.PASSWORD_BY_IP, attempt.address(), ThrottleRule.PASSWORD_BY_USERNAME,
                attempt.usernameKey(), false);
    }

    /** The password was wrong: both counts stand; the one that reaches the lock mails the owner the unlocking link. */
    public void failed(Admission attempt, RequestOrigin origin) {
        if (attempt.usernameCount() == settings.passwordLockAfter()) {
            resets.afterPasswordLock(attempt.usernameKey(), origin);
        }
    }

    private Admission refused(Throttling.Block block, String typedUsername, String usernameKey, RequestOrigin origin,
                              String counter) {
        audit.record(AuditType.SIGN_IN_PASSWORD_REFUSED, null, typedUsername, origin,
                (block.locked() ? "locked: " : "must wait: ") + counter);
        return new Admission(Optional.of(block), usernameKey, origin.ip(), 0);
    }
}
