package it.soglia.directory;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import it.soglia.account.Role;
import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The Soglia account of a directory user, found by the directory's stable id, never by username alone: created at
 * their first right password, refreshed (username, name, email, role) at each. A username that belongs to a local
 * account stays that account's: the directory user of the same name cannot sign in until one of them is renamed.
 */
@Stateless
public class DirectoryAccounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    AccountService accounts;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Why a directory user with a right password gets no account here. */
    public enum Refusal {
        /** The username belongs to another account (a local one, or another directory user's). */
        USERNAME_TAKEN,
        /** An admin disabled the account in Soglia. */
        DISABLED_IN_SOGLIA
    }

    public record Outcome(Optional<Account> account, Refusal refusal) {
    }

    public Outcome signedIn(DirectoryUser user, boolean admin, RequestOrigin origin) {
        Role role = admin ? Role.ADMIN : Role.USER;
        Optional<Account> existing = accounts.findByDirectoryId(user.stableId());
        Optional<Account> sameName = accounts.findByUsername(user.username());
        if (sameName.isPresent() && !sameName.equals(existing)) {
            return new Outcome(Optional.empty(), Refusal.USERNAME_TAKEN);
        }
        if (existing.isEmpty()) {
            Account account = Account.fromDirectory(user.stableId(), user.username(), user.displayName(),
                    user.email(), role, clock.instant());
            em.persist(account);
            audit.record(AuditType.ACCOUNT_CREATED, null, account.getUsername(), origin, "role " + role);
            return new Outcome(Optional.of(account), null);
        }
        Account account = existing.get();
        if (!account.isEnabled()) {
            return new Outcome(Optional.empty(), Refusal.DISABLED_IN_SOGLIA);
        }
        String before = account.getUsername();
        Role roleBefore = account.getRole();
        account.refreshFromDirectory(user.username(), user.displayName(), user.email(), role, clock.instant());
        if (!before.equals(user.username())) {
            audit.record(AuditType.ACCOUNT_CHANGED, null, user.username(), origin, "renamed in the directory: " + before);
        }
        if (roleBefore != role) {
            audit.record(AuditType.ACCOUNT_CHANGED, null, user.username(), origin, "role " + roleBefore + " -> " + role);
        }
        return new Outcome(Optional.of(account), null);
    }

    /** The directory no longer has the user, or has them disabled: the account's sessions end. */
    public void gone(long accountId, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId);
        if (account != null) {
            account.endSessions(clock.instant());
            audit.record(AuditType.DIRECTORY_USER_GONE, null, account.getUsername(), origin, null);
        }
    }

    public void unavailable(String username, RequestOrigin origin, String why) {
        audit.record(AuditType.DIRECTORY_UNAVAILABLE, null, username, origin, why);
    }
}
