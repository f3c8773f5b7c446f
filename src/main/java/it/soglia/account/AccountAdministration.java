package it.soglia.account;

import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import it.soglia.throttle.ThrottleRule;
import it.soglia.throttle.Throttling;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** What admins do to accounts other than the two-factor reset; each call is one transaction and one audit entry. */
@Stateless
@RolesAllowed("ADMIN")
public class AccountAdministration {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    AccountService accounts;

    @Inject
    Throttling throttling;

    @Inject
    EmailChangeNotice emailNotice;

    /** Creates an account, or answers why not (username taken); nothing is created then. */
    public java.util.Optional<Account> create(NewAccount request, String admin, RequestOrigin origin) {
        if (accounts.findByUsername(request.username()).isPresent()) {
            return java.util.Optional.empty();
        }
        Account account = accounts.create(request, admin, origin);
        account.requirePasswordChange(); // the admin saw the initial password: the user replaces it first thing
        return java.util.Optional.of(account);
    }

    public void unlockCodeStep(long accountId, String admin, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        account.unlockCodeStep(clock.instant());
        throttling.clear(ThrottleRule.PASSWORD_BY_USERNAME, Account.keyOf(account.getUsername()));
        audit.record(AuditType.CODE_UNLOCKED, admin, account.getUsername(), origin, "code step and password step");
    }

    /** Why a change of name, email, role or of the enabled flag was refused; nothing is changed then. */
    public enum ChangeRefusal { OWN_ROLE, LAST_ADMIN, OWN_ACCOUNT }

    /**
     * Changes name, email and role. An admin cannot change their own role, and the last admin stays an admin. A new
     * role ends the account's sessions ({@link Account#changeDetails}).
     */
    public java.util.Optional<ChangeRefusal> update(long accountId, String displayName, String email, Role role,
                                                    String admin, RequestOrigin origin) {
        boolean demotion = role != Role.ADMIN && roleOf(accountId) == Role.ADMIN;
        long admins = demotion ? lockAdminsAndCount() : 0; // before the account's own lock: always in the same order
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (!demotion && account.getRole() == Role.ADMIN && role != Role.ADMIN) {
            demotion = true; // made an admin since it was read above: count under the lock after all
            admins = lockAdminsAndCount();
        }
        if (account.getRole() != role) {
            if (account.getUsername().equalsIgnoreCase(admin)) {
                return java.util.Optional.of(ChangeRefusal.OWN_ROLE);
            }
            if (demotion && account.isEnabled() && admins <= 1) {
                return java.util.Optional.of(ChangeRefusal.LAST_ADMIN);
            }
        }
        String changes = describeChanges(account, displayName, email, role);
        if (!changes.isEmpty()) {
            String oldEmail = account.getEmail();
            account.changeDetails(displayName, email, role, clock.instant());
            audit.record(AuditType.ACCOUNT_CHANGED, admin, account.getUsername(), origin, changes);
            if (!java.util.Objects.equals(oldEmail, email)) { // as when the owner changes it: both addresses hear
                emailNotice.changedByAdmin(account, oldEmail, clock.instant(), origin);
            }
        }
        return java.util.Optional.empty();
    }

    private Role roleOf(long accountId) {
        return em.createQuery("select a.role from Account a where a.id = :id", Role.class)
                .setParameter("id", accountId).getSingleResult();
    }

    /**
     * Locks the rows of every admin, in id order, then counts the enabled ones. Two admins demoting or disabling each
     * other at the same moment are so taken one after the other, and the second sees the first one's change: a count
     * without the lock let both succeed and left no admin. The count is read after the lock is held, so it sees
     * whatever committed while this transaction waited.
     */
    private long lockAdminsAndCount() {
        em.createQuery("select a from Account a where a.role = :admin order by a.id", Account.class)
                .setParameter("admin", Role.ADMIN).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        return em.createQuery("select count(a) from Account a where a.role = :admin and a.enabled = true", Long.class)
                .setParameter("admin", Role.ADMIN).getSingleResult();
    }

    /** What changed, for the audit trail: field names and the new role, never more personal data than needed. */
    private static String describeChanges(Account account, String displayName, String email, Role role) {
        java.util.List<String> changed = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(account.getDisplayName(), displayName)) {
            changed.add("name");
        }
        if (!java.util.Objects.equals(account.getEmail(), email)) {
            changed.add("email");
        }
        if (account.getRole() != role) {
            changed.add("role " + account.getRole() + " -> " + role);
        }
        return String.join(", ", changed);
    }

    /**
     * Disables or enables an account. An admin cannot disable themself, nor the last enabled admin, so nobody can
     * lock every admin out.
     */
    public java.util.Optional<ChangeRefusal> setEnabled(long accountId, boolean enabled, String admin,
                                                        RequestOrigin origin) {
        boolean disablingAnAdmin = !enabled && roleOf(accountId) == Role.ADMIN;
        long admins = disablingAnAdmin ? lockAdminsAndCount() : 0; // before the account's own lock, as in update
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (!disablingAnAdmin && !enabled && account.getRole() == Role.ADMIN) {
            disablingAnAdmin = true; // made an admin since it was read above: count under the lock after all
            admins = lockAdminsAndCount();
        }
        if (!enabled && account.getUsername().equalsIgnoreCase(admin)) {
            return java.util.Optional.of(ChangeRefusal.OWN_ACCOUNT);
        }
        if (disablingAnAdmin && account.isEnabled() && admins <= 1) {
            return java.util.Optional.of(ChangeRefusal.LAST_ADMIN);
        }
        if (account.isEnabled() != enabled) {
            account.setEnabled(enabled, clock.instant());
            audit.record(enabled ? AuditType.ACCOUNT_ENABLED : AuditType.ACCOUNT_DISABLED, admin,
                    account.getUsername(), origin, null);
        }
        return java.util.Optional.empty();
    }
}
