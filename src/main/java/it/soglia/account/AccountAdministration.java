package it.soglia.account;

import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
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

    /** Creates an account, or answers why not (username taken); nothing is created then. */
    public java.util.Optional<Account> create(NewAccount request, String admin, RequestOrigin origin) {
        if (accounts.findByUsername(request.username()).isPresent()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(accounts.create(request, admin, origin));
    }

    public void unlockCodeStep(long accountId, String admin, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        account.unlockCodeStep(clock.instant());
        audit.record(AuditType.CODE_UNLOCKED, admin, account.getUsername(), origin, null);
    }

    /**
     * Disables or enables an account. An admin cannot disable themself, so the last admin can never lock everyone
     * out.
     */
    public void setEnabled(long accountId, boolean enabled, String admin, RequestOrigin origin) {
        Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        if (!enabled && account.getUsername().equalsIgnoreCase(admin)) {
            throw new IllegalArgumentException("an admin cannot disable their own account");
        }
        account.setEnabled(enabled, clock.instant());
        audit.record(enabled ? AuditType.ACCOUNT_ENABLED : AuditType.ACCOUNT_DISABLED, admin, account.getUsername(),
                origin, null);
    }
}
