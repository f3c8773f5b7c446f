package it.soglia.twofactor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The authenticator app an account enrolled (a TOTP second factor): its secret, only encrypted, the newest time
 * step accepted from it, and how the phone's clock drifts. One per account at most, keyed by the account's id; only
 * {@link TwoFactorService} reads or writes it, with the account's row locked, so two requests never change it at
 * once (no version column of its own).
 *
 * <p>The code step's lock (wrong codes in a row, locked until, locks in a row) is not here but on the account: it
 * counts every proof of the second step, the recovery codes too, and would count those of a second factor kind.
 */
@Entity
@Table(name = "totp_authenticator")
public class TotpAuthenticator {

    /** Codes came one step off the server's clock, the same way, at least this many sign-ins in a row. */
    public static final int DRIFT_STREAK = 3;

    @Id
    @Column(name = "account_id")
    private Long accountId;

    /**
     * AES-GCM ({@link SecretCipher}) bound to the context {@code soglia:totp:active:<account id>}: the same context
     * as when the secret lived on the account's row, so the rows the migration moved here still decrypt.
     */
    @Column(name = "secret", nullable = false, length = 255)
    private String secret;

    @Column(name = "last_step", nullable = false)
    private long lastStep;

    @Column(name = "enrolled_at", nullable = false)
    private Instant enrolledAt;

    /** Accepted codes one time step early (positive) or late (negative) in a row. */
    @Column(name = "drift_streak", nullable = false)
    private int driftStreak;

    protected TotpAuthenticator() {
        // for JPA
    }

    /** The first code from a new authenticator was right, of time step {@code acceptedStep}. */
    TotpAuthenticator(long accountId, String encryptedSecret, long acceptedStep, Instant now) {
        this.accountId = accountId;
        replaceWith(encryptedSecret, acceptedStep, now);
    }

    /** Another app enrolled in place of this one (its first code was right): nothing of the old one remains. */
    void replaceWith(String encryptedSecret, long acceptedStep, Instant now) {
        this.secret = encryptedSecret;
        this.lastStep = acceptedStep;
        this.enrolledAt = now;
        this.driftStreak = 0;
    }

    public long getAccountId() {
        return accountId;
    }

    /** Package-private: the ciphertext is for {@link TwoFactorService} only. */
    String encryptedSecret() {
        return secret;
    }

    /** The newest time step accepted: a code of this step or an older one is refused (replay). */
    long lastStep() {
        return lastStep;
    }

    public Instant getEnrolledAt() {
        return enrolledAt;
    }

    /**
     * A right code of time step {@code step}, typed when the server was at {@code serverStep}. Codes keep coming one
     * step early or late when the phone's clock drifts: the streak of those says so (see {@link #isClockDrifting}).
     */
    void acceptCodeOfStep(long step, long serverStep) {
        this.lastStep = step;
        int offset = (int) Math.signum(step - serverStep);
        this.driftStreak = offset == 0 ? 0
                : Integer.signum(driftStreak) == offset ? driftStreak + offset : offset;
    }

    public boolean isClockDrifting() {
        return Math.abs(driftStreak) >= DRIFT_STREAK;
    }

    /** True when the phone is ahead of the server's clock (its codes come early). */
    public boolean isClockAhead() {
        return driftStreak > 0;
    }
}
