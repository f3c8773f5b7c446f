package it.soglia.account;

import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import it.soglia.mail.MailOutbox;
import it.soglia.mail.MailTemplates;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Finds accounts, checks passwords and creates accounts; one transaction and one audit entry per call. */
@Stateless
public class AccountService {

    /** Longer input cannot be a username or password of ours; still hashed, so it costs the usual time. */
    static final int MAX_USERNAME = 64;
    static final int MAX_PASSWORD = 1024;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    MailOutbox outbox;

    @Inject
    MailTemplates templates;

    public Optional<Account> find(long id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    public Optional<Account> findByUsername(String username) {
        if (username == null || username.isBlank() || username.length() > MAX_USERNAME) {
            return Optional.empty();
        }
        return em.createNamedQuery(Account.BY_USERNAME_KEY, Account.class)
                .setParameter("key", Account.keyOf(username))
                .getResultStream().findFirst();
    }

    /**
     * The account, when the password is right and the account enabled. An unknown username, a wrong password and
     * a disabled account cost one hash each and look the same to the caller; only the audit trail tells them apart.
     */
    public Optional<Account> verifyPassword(String username, String password, RequestOrigin origin) {
        String typed = password == null || password.length() > MAX_PASSWORD ? "" : password;
        Optional<Account> found = findByUsername(username);
        if (found.isEmpty()) {
            passwords.matchesNothing(typed);
            audit.record(AuditType.SIGN_IN_PASSWORD_FAILED, null, username, origin, "unknown account");
            return Optional.empty();
        }
        Account account = found.get();
        boolean right = passwords.matches(typed, account.getPasswordHash()) && !typed.isEmpty();
        if (!right || !account.isEnabled()) {
            audit.record(AuditType.SIGN_IN_PASSWORD_FAILED, account.getUsername(), account.getUsername(), origin,
                    right ? "account disabled" : "wrong password");
            return Optional.empty();
        }
        if (passwords.needsRehash(account.getPasswordHash())) {
            account.changePasswordHash(passwords.hash(typed), clock.instant());
            audit.record(AuditType.PASSWORD_REHASHED, account.getUsername(), origin);
        }
        audit.record(AuditType.SIGN_IN_PASSWORD_OK, account.getUsername(), origin);
        return Optional.of(account);
    }

    /** The signed-in user typed their password again; audited either way. */
    public boolean confirmPassword(String username, String password, RequestOrigin origin) {
        Account account = findByUsername(username).orElseThrow();
        String typed = password == null || password.length() > MAX_PASSWORD ? "" : password;
        boolean right = passwords.matches(typed, account.getPasswordHash()) && !typed.isEmpty();
        audit.record(right ? AuditType.STEP_UP_OK : AuditType.STEP_UP_FAILED, account.getUsername(), origin);
        return right;
    }

    /** The outcome of a change the user asked for on their profile. */
    public enum ChangeResult {
        DONE, WRONG_PASSWORD, TOO_SHORT, TOO_LONG, CONTROL_CHARACTER, IS_USERNAME, TOO_COMMON, INVALID
    }

    /** Own password change: the current password first, then the policy. */
    public ChangeResult changePassword(String username, String current, String chosen, RequestOrigin origin) {
        Account account = findByUsername(username).orElseThrow();
        if (!passwords.matches(current == null ? "" : current, account.getPasswordHash())) {
            audit.record(AuditType.PASSWORD_CHANGE_FAILED, username, origin);
            return ChangeResult.WRONG_PASSWORD;
        }
        return setChosenPassword(account, chosen, origin);
    }

    /** The first password an admin-created account chooses, right after signing in with the initial one. */
    public ChangeResult replaceInitialPassword(long accountId, String chosen, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId);
        if (!account.isPasswordChangeRequired()) {
            return ChangeResult.INVALID;
        }
        return setChosenPassword(account, chosen, origin);
    }

    private ChangeResult setChosenPassword(Account account, String chosen, RequestOrigin origin) {
        var problem = PasswordPolicy.check(account.getUsername(), chosen);
        if (problem.isPresent()) {
            return ChangeResult.valueOf(problem.get().name());
        }
        Instant now = clock.instant();
        account.choosePassword(passwords.hash(chosen), now);
        audit.record(AuditType.PASSWORD_CHANGED, account.getUsername(), origin);
        if (account.getEmail() != null) { // if it was not the owner, they must hear of it (ASVS 2.2.3)
            Locale locale = templates.locale(account.getLanguage());
            outbox.enqueue(templates.mail("PASSWORD_CHANGED", account.getEmail(), locale, null,
                    account.getDisplayName(), account.getUsername(), templates.dateTime(now, locale), origin.ip(),
                    origin.userAgent(), templates.contact(locale)));
        }
        return ChangeResult.DONE;
    }

    /** Own language: only the ones Soglia speaks; false, with nothing changed, for any other. */
    public boolean changeLanguage(String username, String language, RequestOrigin origin) {
        if (!"it".equals(language) && !"en".equals(language)) {
            return false;
        }
        Account account = findByUsername(username).orElseThrow();
        account.changeLanguage(language, clock.instant());
        audit.record(AuditType.ACCOUNT_CHANGED, username, username, origin, "language " + language);
        return true;
    }

    public boolean hasAdmin() {
        return !em.createQuery("select a.id from Account a where a.role = :admin", Long.class)
                .setParameter("admin", Role.ADMIN).setMaxResults(1).getResultList().isEmpty();
    }

    public Account create(NewAccount request, String actor, RequestOrigin origin) {
        Account account = new Account(request.username().strip(), request.displayName(), request.email(),
                request.language(), request.role(), passwords.hash(request.password()), clock.instant());
        em.persist(account);
        audit.record(AuditType.ACCOUNT_CREATED, actor, account.getUsername(), origin, "role " + request.role());
        return account;
    }
}
