package it.soglia.startup;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import it.soglia.account.NewAccount;
import it.soglia.account.PasswordHashing;
import it.soglia.account.Role;
import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The accounts of the local demo run (ui-contract.md), created when {@code soglia.demo.accounts=true} and missing.
 * Their passwords are public (README), so production never turns this on; and when it is off, a demo account still
 * signing in with its published password (a database carried over from a trial) is disabled at start-up, audited,
 * with a warning naming it. (Done here, not through the admins' service: there is no signed-in admin at start-up.)
 * One transaction for the start-up step.
 */
@Stateless
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());
    private static final String ACTOR = "soglia";

    static final List<NewAccount> ACCOUNTS = List.of(
            new NewAccount("admin", "Amministratore Demo", "admin@example.test", "it", Role.ADMIN, "soglia-admin-2026"),
            new NewAccount("mario.rossi", "Mario Rossi", "mario.rossi@example.test", "it", Role.USER, "soglia-mario-2026"),
            new NewAccount("anna.bianchi", "Anna Bianchi", null, "it", Role.USER, "soglia-anna-2026"));

    @Inject
    @ConfigProperty(name = "soglia.demo.accounts", defaultValue = "false")
    boolean enabled;

    @Inject
    AccountService accounts;

    @Inject
    PasswordHashing passwords;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    /** Creates the missing demo accounts when enabled; otherwise disables those whose password is still public. */
    public void createOrDisable() {
        if (enabled) {
            LOG.warning("soglia.demo.accounts=true: creating the demo accounts, whose passwords are published");
            for (NewAccount demo : ACCOUNTS) {
                if (accounts.findByUsername(demo.username()).isEmpty()) {
                    accounts.create(demo, ACTOR, RequestOrigin.SYSTEM);
                }
            }
            return;
        }
        List<String> disabled = new ArrayList<>();
        for (NewAccount demo : ACCOUNTS) {
            accounts.findByUsername(demo.username())
                    .filter(Account::isEnabled)
                    .filter(account -> passwords.matches(demo.password(), account.getPasswordHash()))
                    .ifPresent(account -> {
                        disable(account);
                        disabled.add(account.getUsername());
                    });
        }
        if (!disabled.isEmpty()) {
            LOG.warning("soglia.demo.accounts=false, but the demo accounts " + String.join(", ", disabled)
                    + " still had the passwords published in the README: they are disabled and cannot sign in."
                    + " They are disabled again at every start while their password is the published one.");
        }
    }

    /** As an admin's disabling: the account's sessions end (SessionRevocationFilter) and the audit log says why. */
    private void disable(Account found) {
        Account account = em.find(Account.class, found.getId(), LockModeType.PESSIMISTIC_WRITE);
        account.setEnabled(false, clock.instant());
        audit.record(AuditType.ACCOUNT_DISABLED, ACTOR, account.getUsername(), RequestOrigin.SYSTEM,
                "demo account with its published password, soglia.demo.accounts=false");
    }
}
