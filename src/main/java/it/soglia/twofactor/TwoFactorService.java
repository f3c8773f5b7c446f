package it.soglia.twofactor;

import it.soglia.account.Account;
import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import it.soglia.crypto.SecretCipher;
import it.soglia.throttle.ThrottleRule;
import it.soglia.throttle.Throttling;
import it.soglia.totp.Base32;
import it.soglia.totp.CodeInput;
import it.soglia.totp.OtpAuthUri;
import it.soglia.totp.QrCode;
import it.soglia.totp.RecoveryCodeFormat;
import it.soglia.totp.Totp;
import it.soglia.totp.TotpSecret;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;

/**
 * Owns the TOTP secrets: creates them, encrypts them, checks codes against them ({@link TotpAuthenticator}). Checks
 * lock the account row, so two requests with the same code (even on two nodes) cannot both be accepted.
 */
@Stateless
public class TwoFactorService {

    private static final int QR_PIXELS = 240;

    public static final int RECOVERY_CODES_PER_SET = RecoveryCodeStore.CODES_PER_SET;

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    TotpSettings settings;

    @Inject
    SecureRandom random;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    AccountNotifications notifications;

    @Inject
    RecoveryCodeStore recoveryCodes;

    @Inject
    Throttling throttling;

    @Inject
    jakarta.enterprise.event.Event<SecondFactorResetDone> resets; // the metrics count resets by cause

    /**
     * A new secret for an authenticator not yet confirmed, encrypted for the caller to keep (in the session) until
     * the first code confirms it. Nothing is stored: reloading the page shows the kept one.
     */
    public String newPendingSecret(long accountId) {
        byte[] secret = TotpSecret.generate(random);
        try {
            return cipher.encrypt(secret, pendingContext(accountId));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    public EnrolmentKey enrolmentKey(long accountId, String pendingSecret) {
        Account account = em.find(Account.class, accountId);
        return keyFor(account, cipher.decrypt(pendingSecret, pendingContext(accountId)));
    }

    /** The account's code-step lock, if it is locked now: what a typed code would get. */
    public java.util.Optional<CodeCheck> codeLock(long accountId) {
        Account account = em.find(Account.class, accountId);
        return lockOf(account, clock.instant());
    }

    /**
     * Whether the configured encryption key opens the secrets already stored (one is tried; none stored: true). A
     * node started with another key than the others would otherwise deploy and fail every code check.
     */
    public boolean keyOpensStoredSecrets() {
        var enrolled = em.createQuery("select t from TotpAuthenticator t order by t.accountId",
                TotpAuthenticator.class).setMaxResults(1).getResultList();
        try {
            enrolled.forEach(totp -> cipher.decrypt(totp.encryptedSecret(), activeContext(totp.getAccountId())));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The key of the account's active authenticator shown again (to enrol another app from the profile), only for a
     * code of the active authenticator typed now, checked as at sign-in ({@link #checkActiveCode}: replay, counting,
     * lock). The caller has checked the password. Each showing is audited and mailed to the owner: whoever holds
     * only the session cookie cannot clone the authenticator, and a showing the owner did not ask for is seen.
     */
    public ActiveKeyReveal revealActiveKey(long accountId, String typedCode, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        CodeCheck check = checkActiveCode(account, typedCode, now, origin, "to show the key");
        if (!check.isAccepted()) {
            return new ActiveKeyReveal(check, null);
        }
        audit.record(AuditType.QR_VIEWED, account.getUsername(), account.getUsername(), origin,
                "after the password and a code typed now");
        notifications.keyShown(account, now, origin);
        return new ActiveKeyReveal(check, keyFor(account,
                cipher.decrypt(em.find(TotpAuthenticator.class, accountId).encryptedSecret(), activeContext(accountId))));
    }

    /**
     * The proof for linking a new authenticator from the profile: a code of the active one typed now, checked as at
     * sign-in. The caller has checked the password; the new key is made only when this is accepted.
     */
    public CodeCheck proveForNewAuthenticator(long accountId, String typedCode, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        CodeCheck check = checkActiveCode(account, typedCode, clock.instant(), origin, "to link a new authenticator");
        if (check.isAccepted()) {
            audit.record(AuditType.STEP_UP_OK, account.getUsername(), account.getUsername(), origin,
                    "code typed now, to link a new authenticator");
        }
        return check;
    }

    /** The first code from the new authenticator: when right, the pending secret becomes the account's secret. */
    public CodeCheck confirmEnrolment(long accountId, String pendingSecret, String typedCode, RequestOrigin origin) {
        var code = CodeInput.normalize(typedCode, settings.totp().policy().digits());
        if (code.isEmpty()) {
            return CodeCheck.MALFORMED;
        }
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (!account.isEnabled() || account.isTwoFactorActive()) {
            return CodeCheck.RESTART; // never overwrite a secret enrolled meanwhile from another session
        }
        Instant now = clock.instant();
        if (activatePendingIfMatches(account, pendingSecret, code.get(), now).isEmpty()) {
            audit.record(AuditType.CODE_FAILED, account.getUsername(), origin);
            return CodeCheck.REJECTED;
        }
        account.recordSignIn(now, origin.ip()); // enrolment ends with the user signed in
        audit.record(AuditType.TWO_FACTOR_ENROLLED, account.getUsername(), origin);
        notifications.enrolled(account, now, origin);
        return CodeCheck.enrolledWith(recoveryCodes.issue(accountId, now));
    }

    /**
     * A new authenticator enrolled from the profile replaces the active one once its first code is right; until
     * then the old one keeps working, so a user who gives up half-way is not locked out. Recovery codes stay.
     */
    public CodeCheck replaceAuthenticator(long accountId, String pendingSecret, String typedCode, RequestOrigin origin) {
        var code = CodeInput.normalize(typedCode, settings.totp().policy().digits());
        if (code.isEmpty()) {
            return CodeCheck.MALFORMED;
        }
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (!account.isEnabled() || !account.isTwoFactorActive()) {
            return CodeCheck.RESTART; // reset meanwhile: the next sign-in enrols from scratch
        }
        Instant now = clock.instant();
        if (activatePendingIfMatches(account, pendingSecret, code.get(), now).isEmpty()) {
            audit.record(AuditType.CODE_FAILED, account.getUsername(), account.getUsername(), origin,
                    "new authenticator: wrong code");
            return CodeCheck.REJECTED;
        }
        audit.record(AuditType.TWO_FACTOR_ENROLLED, account.getUsername(), account.getUsername(), origin,
                "replaced the previous authenticator");
        notifications.enrolled(account, now, origin);
        return CodeCheck.ACCEPTED;
    }

    /**
     * Makes the pending secret the account's authenticator, in place of the one it had if any, when {@code code} is
     * one of its codes; else changes nothing.
     */
    private OptionalLong activatePendingIfMatches(Account account, String pendingSecret, String code, Instant now) {
        byte[] secret = cipher.decrypt(pendingSecret, pendingContext(account.getId()));
        try {
            OptionalLong step = settings.totp().match(secret, code);
            if (step.isPresent()) {
                String encrypted = cipher.encrypt(secret, activeContext(account.getId()));
                TotpAuthenticator current = em.find(TotpAuthenticator.class, account.getId());
                if (current == null) {
                    em.persist(new TotpAuthenticator(account.getId(), encrypted, step.getAsLong(), now));
                } else {
                    current.replaceWith(encrypted, step.getAsLong(), now);
                }
                account.activateTwoFactor(now);
            }
            return step;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * A code typed at sign-in. Accepted only for a time step newer than the last accepted one; wrong codes are
     * counted and lock the code step for the configured time once there are too many in a row.
     */
    public CodeCheck verifyCode(long accountId, String typedCode, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        CodeCheck check = checkActiveCode(account, typedCode, now, origin, null);
        if (check.isAccepted()) {
            account.recordSignIn(now, origin.ip());
            audit.record(AuditType.SIGN_IN_COMPLETED, account.getUsername(), origin);
        }
        return check;
    }

    /**
     * The one check of a code of the active authenticator, at sign-in and for the profile's proofs alike (the caller
     * holds the account row locked): only a time step newer than the last accepted one is accepted, so a code used to
     * sign in cannot be used again; a right code used again is mailed to the owner; wrong ones are counted and lock the
     * code step. {@code purpose} (null at sign-in) goes into the audit rows of the failures.
     */
    private CodeCheck checkActiveCode(Account account, String typedCode, Instant now, RequestOrigin origin,
            String purpose) {
        Totp totp = settings.totp();
        var code = CodeInput.normalize(typedCode, totp.policy().digits());
        var refusal = notCheckable(account, now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        TotpAuthenticator authenticator = em.find(TotpAuthenticator.class, account.getId());
        if (authenticator == null) {
            return CodeCheck.RESTART; // enrolled with another factor kind only: this is not its step
        }
        if (code.isEmpty()) {
            return CodeCheck.MALFORMED;
        }
        OptionalLong step = matchSecretOf(authenticator, totp, code.get());
        if (step.isPresent() && step.getAsLong() > authenticator.lastStep()) {
            authenticator.acceptCodeOfStep(step.getAsLong(), totp.stepAt(now));
            account.acceptCode(now);
            return CodeCheck.ACCEPTED;
        }
        String why = purpose == null ? "" : purpose + ": ";
        if (step.isPresent()) { // a right code used again: whoever typed it may have seen the owner's (ASVS 2.8.5)
            if (purpose == null) {
                // At a sign-in it is mailed. In a proof on the profile the session is signed in and its password was
                // just typed right: that is the owner typing again the code they signed in with (the page says it
                // does not count twice), and a showing of the key that follows is mailed anyway.
                notifications.codeReused(account, now, origin);
            }
            return countFailure(account, now, origin, why + "code already used");
        }
        return countFailure(account, now, origin, why + "wrong code");
    }

    /**
     * A recovery code typed instead of the authenticator's code. It counts against the same lock as wrong codes
     * (guessing must not get a second counter), is spent once, audited, and its use is mailed to the owner.
     */
    public CodeCheck verifyRecoveryCode(long accountId, String typedCode, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        var refusal = notCheckable(account, now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        var code = RecoveryCodeFormat.normalize(typedCode);
        if (code.isEmpty()) {
            return CodeCheck.MALFORMED;
        }
        if (!recoveryCodes.redeem(accountId, code.get(), now)) {
            return countFailure(account, now, origin, "wrong recovery code");
        }
        long left = recoveryCodes.unusedCount(accountId);
        account.acceptRecoveryCode(now);
        account.recordSignIn(now, origin.ip());
        audit.record(AuditType.RECOVERY_CODE_USED, account.getUsername(), account.getUsername(), origin,
                left + " left");
        audit.record(AuditType.SIGN_IN_COMPLETED, account.getUsername(), origin);
        notifications.recoveryCodeUsed(account, left, now, origin);
        return CodeCheck.ACCEPTED;
    }

    /** The kinds of second factor the account has enrolled: what its sign-in's second step may ask for. */
    public java.util.Set<FactorKind> enrolledFactors(long accountId) {
        var kinds = java.util.EnumSet.noneOf(FactorKind.class);
        if (em.find(TotpAuthenticator.class, accountId) != null) {
            kinds.add(FactorKind.TOTP);
        }
        return kinds;
    }

    /** The account's authenticator app, if one is enrolled (the profile shows when, and whether its clock drifts). */
    public java.util.Optional<TotpAuthenticator> authenticatorOf(long accountId) {
        return java.util.Optional.ofNullable(em.find(TotpAuthenticator.class, accountId));
    }

    /** When each of these accounts enrolled its authenticator app; accounts without one are not in the map. */
    public java.util.Map<Long, Instant> enrolledAt(java.util.Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return java.util.Map.of();
        }
        var enrolled = new java.util.HashMap<Long, Instant>();
        em.createQuery("select t from TotpAuthenticator t where t.accountId in :ids", TotpAuthenticator.class)
                .setParameter("ids", accountIds).getResultList()
                .forEach(totp -> enrolled.put(totp.getAccountId(), totp.getEnrolledAt()));
        return enrolled;
    }

    /** How many unused recovery codes the account has. */
    public long recoveryCodesLeft(long accountId) {
        return recoveryCodes.unusedCount(accountId);
    }

    /** A new set of recovery codes voiding the old one (from the profile, after a password re-entry). */
    public List<String> regenerateRecoveryCodes(long accountId, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (!account.isTwoFactorActive()) {
            return List.of(); // nothing to recover until an authenticator is enrolled
        }
        Instant now = clock.instant();
        List<String> codes = recoveryCodes.issue(accountId, now);
        audit.record(AuditType.RECOVERY_CODES_REGENERATED, account.getUsername(), origin);
        notifications.recoveryCodesRegenerated(account, now, origin);
        return codes;
    }

    /** An admin's reset of another account's second factor ("Resetta autenticazione a due fattori" on its page). */
    @jakarta.annotation.security.RolesAllowed("ADMIN")
    public void resetByAdmin(long accountId, String admin, String reason, RequestOrigin origin) {
        reset(accountId, ResetCause.ADMIN, admin, reason, origin);
    }

    /**
     * Puts the account back to first access: the one reset behind the mailed link, the profile and the admin
     * screen. Ends the account's sessions, records who did it and why, and tells the owner by mail.
     */
    public void reset(long accountId, ResetCause cause, String actor, String reason, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        TotpAuthenticator authenticator = em.find(TotpAuthenticator.class, accountId);
        if (authenticator != null) {
            em.remove(authenticator); // the secret is erased with it
        }
        account.resetTwoFactor(now);
        recoveryCodes.eraseAll(accountId);
        throttling.clear(ThrottleRule.PASSWORD_BY_USERNAME, Account.keyOf(account.getUsername())); // a mailed reset unlocks
        em.createNamedQuery(ResetToken.VOID_OPEN).setParameter("now", now).setParameter("account", account)
                .executeUpdate();
        audit.record(AuditType.TWO_FACTOR_RESET, actor, account.getUsername(), origin,
                "by " + cause + (reason == null || reason.isBlank() ? "" : ": " + reason));
        resets.fire(new SecondFactorResetDone(cause));
        notifications.twoFactorReset(account, cause, now, origin);
    }

    /** Why no code of the account is even looked at now: the sign-in cannot go on, or the code step is locked. */
    private static java.util.Optional<CodeCheck> notCheckable(Account account, Instant now) {
        if (!account.isEnabled() || !account.isTwoFactorActive()) {
            return java.util.Optional.of(CodeCheck.RESTART);
        }
        return lockOf(account, now); // no guessing while locked: not even a right code counts
    }

    private static java.util.Optional<CodeCheck> lockOf(Account account, Instant now) {
        if (account.isCodeLockedForGood()) {
            return java.util.Optional.of(CodeCheck.LOCKED_FOR_GOOD);
        }
        return account.isCodeLockedAt(now)
                ? java.util.Optional.of(CodeCheck.lockedUntil(account.getCodeLockedUntil())) : java.util.Optional.empty();
    }

    private CodeCheck countFailure(Account account, Instant now, RequestOrigin origin, String reason) {
        Instant lockEnd = now.plus(settings.lockDuration());
        var lock = account.countCodeFailure(settings.maxFailures(), settings.maxLockouts(), lockEnd, now);
        audit.record(AuditType.CODE_FAILED, account.getUsername(), account.getUsername(), origin, reason);
        return switch (lock) {
            case NONE -> CodeCheck.REJECTED;
            case UNTIL_A_TIME -> {
                audit.record(AuditType.CODE_LOCKED, account.getUsername(), account.getUsername(), origin,
                        "until " + lockEnd);
                notifications.codeLocked(account, lockEnd, now, origin);
                yield CodeCheck.lockedUntil(lockEnd);
            }
            case FOR_GOOD -> {
                audit.record(AuditType.CODE_LOCKED, account.getUsername(), account.getUsername(), origin,
                        "until an admin unlocks it or a reset: " + settings.maxLockouts() + " locks in a row");
                notifications.codeLockedForGood(account, now, origin);
                yield CodeCheck.LOCKED_FOR_GOOD;
            }
        };
    }

    private OptionalLong matchSecretOf(TotpAuthenticator authenticator, Totp totp, String code) {
        byte[] secret = cipher.decrypt(authenticator.encryptedSecret(), activeContext(authenticator.getAccountId()));
        try {
            return totp.match(secret, code);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    private EnrolmentKey keyFor(Account account, byte[] secret) {
        try {
            String uri = OtpAuthUri.of(settings.issuer(), account.getUsername(), secret, settings.totp().policy());
            return new EnrolmentKey(settings.issuer(), account.getUsername(), Base32.encode(secret), uri,
                    QrCode.png(uri, QR_PIXELS));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * Encryption contexts: a pending secret cannot be passed off as an active one, nor moved to another account. The
     * active one names the account, not the table: secrets moved from the account's row (migration 15) still open.
     */
    private static String pendingContext(long accountId) {
        return "soglia:totp:pending:" + accountId;
    }

    private static String activeContext(long accountId) {
        return "soglia:totp:active:" + accountId;
    }
}
