package it.soglia.config;

import it.soglia.account.AccountService;
import it.soglia.account.NewAccount;
import it.soglia.account.Role;
import it.soglia.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The accounts of the local demo run (ui-contract.md), created when {@code soglia.demo.accounts=true} and missing.
 * Their passwords are public (README), so production never turns this on.
 */
@ApplicationScoped
public class DemoAccounts {

    private static final Logger LOG = Logger.getLogger(DemoAccounts.class.getName());

    static final List<NewAccount> ACCOUNTS = List.of(
            new NewAccount("admin", "Amministratore Demo", "admin@example.test", "it", Role.ADMIN, "soglia-admin-2026"),
            new NewAccount("mario.rossi", "Mario Rossi", "mario.rossi@example.test", "it", Role.USER, "soglia-mario-2026"),
            new NewAccount("anna.bianchi", "Anna Bianchi", null, "it", Role.USER, "soglia-anna-2026"));

    @Inject
    @ConfigProperty(name = "soglia.demo.accounts", defaultValue = "false")
    boolean enabled;

    @Inject
    AccountService accounts;

    void createIfEnabled() {
        if (!enabled) {
            return;
        }
        LOG.warning("soglia.demo.accounts=true: creating the demo accounts, whose passwords are published");
        for (NewAccount demo : ACCOUNTS) {
            if (accounts.findByUsername(demo.username()).isEmpty()) {
                accounts.create(demo, "soglia", RequestOrigin.SYSTEM);
            }
        }
    }
}
