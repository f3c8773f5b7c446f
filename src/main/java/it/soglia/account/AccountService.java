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

    /** Longer input cannot be a username of ours; its password is still hashed, so it costs the usual time. */
    static final int MAX_USERNAME = 64;

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    PasswordCheck passwordCheck;

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
     * What Soglia's own store ({@link LocalPasswordStore}) says of a typed password: the account when it is right and
     * the account enabled; a refusal (in the credential's report) for a wrong password or a disabled account, after
     * one hash each. A username with no local account is left to the directory when there is one, else refused after
     * one hash too; only the audit trail tells these apart.
     */
    public LocalCheck checkLocalPassword(TypedPassword credential, boolean directoryConfigured) {
        String typed = credential.getPasswordAsString();
        Optional<Account> found = findByUsername(credential.getCaller());
        if (found.isEmpty()) {
            if (directoryConfigured) {
                return LocalCheck.LEFT_TO_DIRECTORY;
            }
            passwords.matchesNothing(typed);
            return LocalCheck.REFUSED;
        }
        Account account = found.get();
        if (account.isFromDirectory()) { // its password is the directory's: never a hash of ours
            if (directoryConfigured) {
                return LocalCheck.LEFT_TO_DIRECTORY;
            }
            passwords.matchesNothing(typed);
            credential.report().refused(account.getUsername(), "directory account, no directory configured");
            return LocalCheck.REFUSED;
        }
        boolean right = passwords.matches(typed, account.getPasswordHash()) && !typed.isEmpty();
        if (!right || !account.isEnabled()) {
            credential.report().refused(account.getUsername(), right ? "account disabled" : "wrong password");
            return LocalCheck.REFUSED;
        }
        if (passwords.needsRehash(account.getPasswordHash())) {
            account.changePasswordHash(passwords.hash(typed), clock.instant());
            audit.record(AuditType.PASSWORD_REHASHED, account.getUsername(), credential.origin());
        }
        return new LocalCheck(Optional.of(account), false);
    }

    /** The local store's answer: the account (right password), nothing (refused), or "ask the directory". */
    public record LocalCheck(Optional<Account> account, boolean isLeftToDirectory) {
        static final LocalCheck REFUSED = new LocalCheck(Optional.empty(), false);
        static final LocalCheck LEFT_TO_DIRECTORY = new LocalCheck(Optional.empty(), true);
    }

    /** The outcome of a change the user asked for on their profile. */
    public enum ChangeResult {
        DONE, WRONG_PASSWORD, TOO_SHORT, TOO_LONG, CONTROL_CHARACTER, IS_USERNAME, TOO_COMMON, INVALID, DIRECTORY_PASSWORD
    }

    /** Own password change: the current password first, then the policy. */
    public ChangeResult changePassword(String username, String current, String chosen, RequestOrigin origin) {
        Account account = findByUsername(username).orElseThrow();
        if (account.isFromDirectory()) { // Soglia does not change the directory's passwords (the form is not shown)
            return ChangeResult.DIRECTORY_PASSWORD;
        }
        if (!passwordCheck.verify(username, current, PasswordCheck.Purpose.PASSWORD_CHANGE, origin).isRight()) {
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

    /** The account of a directory user, by the directory's stable id (the username may have changed there). */
    public Optional<Account> findByDirectoryId(String directoryId) {
        return em.createNamedQuery(Account.BY_DIRECTORY_ID, Account.class).setParameter("id", directoryId)
                .getResultStream().findFirst();
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
