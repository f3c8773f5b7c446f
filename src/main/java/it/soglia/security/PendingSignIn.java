package it.soglia.security;

import it.soglia.account.Account;
import it.soglia.twofactor.FactorKind;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * "Password verified, code pending" for one session. It expires a few minutes after the password step, and holds
 * the encrypted secret being enrolled so that reloading the enrolment page shows the same QR code.
 */
@SessionScoped
public class PendingSignIn implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long accountId;
    private String username;
    /** What the account had enrolled when its password was typed: the second step asks for one of these. */
    private EnumSet<FactorKind> enrolledFactors = EnumSet.noneOf(FactorKind.class);
    private Instant passwordVerifiedAt;
    private String pendingSecret;
    private boolean passwordChangeRequired;

    void begin(long accountId, String username, Set<FactorKind> enrolledFactors, boolean passwordChangeRequired,
               Instant now) {
        this.accountId = accountId;
        this.username = username;
        this.enrolledFactors = enrolledFactors.isEmpty() ? EnumSet.noneOf(FactorKind.class)
                : EnumSet.copyOf(enrolledFactors);
        this.passwordChangeRequired = passwordChangeRequired;
        this.passwordVerifiedAt = now;
        this.pendingSecret = null;
    }

    /** An admin-created account must replace its initial password before the second step. */
    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public void passwordChanged() {
        this.passwordChangeRequired = false;
    }

    public void clear() {
        accountId = null;
        username = null;
        passwordVerifiedAt = null;
        pendingSecret = null;
    }

    /** Whether a password step happened in this session at all (expired or not). */
    public boolean hasStarted() {
        return passwordVerifiedAt != null;
    }

    public boolean isActive(Clock clock, Duration timeout) {
        return accountId != null && clock.instant().isBefore(passwordVerifiedAt.plus(timeout));
    }

    /**
     * Whether {@code account} still takes this sign-in: not when its sessions were ended (a new password, a reset, a
     * disabled account) after the password was typed here. A password guessed or stolen, then changed by the owner,
     * must not finish the sign-in begun with it.
     */
    public boolean isStillAcceptedBy(Account account) {
        return account.acceptsSessionSignedInAt(passwordVerifiedAt);
    }

    /**
     * The account's sessions until {@code revokedAt} were ended by the new password chosen in this sign-in (an
     * initial password replaced): this one goes on, its password as if typed just after.
     */
    public void outlive(Instant revokedAt) {
        Instant after = revokedAt.plusMillis(1); // strictly after, whatever fraction of a second the database kept
        if (passwordVerifiedAt != null && passwordVerifiedAt.isBefore(after)) {
            passwordVerifiedAt = after;
        }
    }

    /**
     * The second factors the account has enrolled: none means first access, enrolment ({@code /enroll}); otherwise
     * the step of one of them ({@link Pages#nextStepOf}).
     */
    public Set<FactorKind> enrolledFactors() {
        return Collections.unmodifiableSet(enrolledFactors);
    }

    public long accountId() {
        return accountId;
    }

    public String username() {
        return username;
    }

    public String pendingSecret() {
        return pendingSecret;
    }

    public void keepPendingSecret(String encryptedSecret) {
        this.pendingSecret = encryptedSecret;
    }
}
