package it.soglia.startup;

import it.soglia.account.AccountService;
import it.soglia.account.NewAccount;
import it.soglia.account.Role;
import it.soglia.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The first way in on a new production database: when no admin exists yet and {@code soglia.bootstrap-admin.*}
 * is configured, that admin is created (and enrols an authenticator at first sign-in, like everyone).
 */
@ApplicationScoped
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    @Inject
    @ConfigProperty(name = "soglia.bootstrap-admin.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "soglia.bootstrap-admin.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "soglia.bootstrap-admin.email")
    Optional<String> email;

    @Inject
    AccountService accounts;

    void createIfNoAdmin() {
        if (username.isEmpty() || accounts.hasAdmin()) {
            return;
        }
        String secret = password.filter(p -> p.length() >= 12).orElseThrow(() -> new IllegalStateException(
                "Soglia cannot start: soglia.bootstrap-admin.password must be set, at least 12 characters, to create"
                        + " the bootstrap admin " + username.get()));
        accounts.create(new NewAccount(username.get().strip(), "Administrator", email.map(String::strip)
                .filter(e -> !e.isEmpty()).orElse(null), "it", Role.ADMIN, secret), "soglia", RequestOrigin.SYSTEM);
        LOG.warning(() -> "Created the bootstrap admin " + username.get()
                + ": sign in, enrol an authenticator, then remove soglia.bootstrap-admin.password from the configuration");
    }
}
