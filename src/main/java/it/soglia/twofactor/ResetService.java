package it.soglia.twofactor;

import it.soglia.account.Account;
import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import it.soglia.crypto.Sha256;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Non sei più in possesso del codice?": issues mailed reset links and redeems them. Tokens are 256 random bits,
 * stored only as SHA-256, valid for a configured time, used once; a new one voids the older ones.
 */
@Stateless
public class ResetService {

    /** 32 bytes in unpadded Base64url. */
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final int MAILS_PER_HOUR = 3;
    /** The time {@link #MAILS_PER_HOUR} counts tokens over: a token is kept at least this long (ExpiredResetTokens). */
    static final Duration MAIL_LIMIT_WINDOW = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    SecureRandom random;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    AccountNotifications notifications;

    @Inject
    ResetSettings settings;

    /** What the landing page of a link shows before anything is changed. */
    public record Preview(String username, Instant expiresAt) implements java.io.Serializable {

        /** For Expression Language 5 (Payara 6), which reads bean getters only, not record components. */
        public String getUsername() {
            return username;
        }
    }

    /**
     * Mails a reset link when {@code typedEmail} is the account's email. The caller learns nothing either way: the
     * page says the same whatever happened here.
     */
    public void requestByEmail(long accountId, String typedEmail, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE); // one request at a time
        Instant now = clock.instant();
        if (!account.isEnabled() || !account.isTwoFactorActive()) {
            audit.record(AuditType.RESET_REQUESTED, account.getUsername(), account.getUsername(), origin,
                    "nothing to reset (not enrolled or disabled)");
            return; // e.g. a stale code prompt after a reset: issuing a link could wipe a fresh enrolment
        }
        if (!matchesEmail(account, typedEmail)) {
            audit.record(AuditType.RESET_REQUESTED, account.getUsername(), account.getUsername(), origin,
                    account.getEmail() == null ? "no email on the account" : "email did not match");
            return;
        }
        audit.record(AuditType.RESET_REQUESTED, account.getUsername(), account.getUsername(), origin, "email matched");
        long recent = em.createNamedQuery(ResetToken.CREATED_SINCE, Long.class).setParameter("account", account)
                .setParameter("since", now.minus(MAIL_LIMIT_WINDOW)).getSingleResult();
        if (recent >= MAILS_PER_HOUR) {
            audit.record(AuditType.RESET_RATE_LIMITED, account.getUsername(), account.getUsername(), origin,
                    recent + " links in the last hour");
            return;
        }
        String token = newTokenFor(account, now, origin);
        notifications.resetLink(account, token, now.plus(settings.tokenLifetime()), settings.tokenLifetime().toMinutes(),
                origin);
        audit.record(AuditType.RESET_MAIL_QUEUED, account.getUsername(), account.getUsername(), origin,
                "valid until " + now.plus(settings.tokenLifetime()));
    }

    /**
     * The password step of {@code usernameKey} just locked after too many wrong passwords in a row. Its owner is
     * told by mail, with a reset link that also lifts the lock; without an email only an admin can unlock it.
     * Nothing happens for a username that has no account (the sign-in page says the same in both cases).
     */
    public void afterPasswordLock(String usernameKey, RequestOrigin origin) {
        var found = em.createNamedQuery(Account.BY_USERNAME_KEY, Account.class).setParameter("key", usernameKey)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
        if (found.isEmpty()) {
            return;
        }
        Account account = found.get();
        Instant now = clock.instant();
        audit.record(AuditType.PASSWORD_LOCKED, account.getUsername(), account.getUsername(), origin,
                account.getEmail() == null ? "no email: an admin must unlock" : "reset link mailed");
        if (account.getEmail() != null) {
            String token = newTokenFor(account, now, origin);
            notifications.passwordLocked(account, token, now.plus(settings.tokenLifetime()), now, origin);
        }
    }

    /** A new token for the account, voiding its older ones; only its hash is stored. */
    private String newTokenFor(Account account, Instant now, RequestOrigin origin) {
        em.createNamedQuery(ResetToken.VOID_OPEN).setParameter("now", now).setParameter("account", account)
                .executeUpdate();
        String token = newToken();
        em.persist(new ResetToken(account, Sha256.hex(token), now, now.plus(settings.tokenLifetime()), origin.ip()));
        return token;
    }

    /** The account a still usable link belongs to; changes nothing (mail scanners open links too). */
    public Optional<Preview> preview(String token) {
        return usable(token, LockModeType.NONE)
                .map(t -> new Preview(t.account().getUsername(), t.expiresAt()));
    }

    /** Uses the link: the account goes back to first access. False, with nothing changed, for any unusable link. */
    public boolean redeem(String token, RequestOrigin origin) {
        Optional<ResetToken> found = usable(token, LockModeType.NONE);
        if (found.isPresent()) {
            // Account row first, then the token: the same order as requestByEmail, so the two never deadlock.
            Account account = em.find(Account.class, found.get().account().getId(), LockModeType.PESSIMISTIC_WRITE);
            em.refresh(found.get(), LockModeType.PESSIMISTIC_WRITE);
            if (found.get().isUsableAt(clock.instant())) {
                found.get().markUsed(clock.instant());
                twoFactor.reset(account.getId(), ResetCause.LINK, account.getUsername(), null, origin);
                return true;
            }
        }
        audit.record(AuditType.RESET_TOKEN_REFUSED, null, null, origin, null);
        return false;
    }

    private Optional<ResetToken> usable(String token, LockModeType lock) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return Optional.empty(); // malformed: no need to ask the database
        }
        return em.createNamedQuery(ResetToken.BY_HASH, ResetToken.class).setParameter("hash", Sha256.hex(token))
                .setLockMode(lock).getResultStream().findFirst()
                .filter(t -> t.isUsableAt(clock.instant()));
    }

    private static boolean matchesEmail(Account account, String typed) {
        if (account.getEmail() == null || typed == null) {
            return false;
        }
        byte[] expected = account.getEmail().strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        byte[] given = typed.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
