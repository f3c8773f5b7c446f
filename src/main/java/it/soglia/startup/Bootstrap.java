package it.soglia.startup;

import it.soglia.account.PasswordHashing;
import it.soglia.config.SogliaDatabase;
import it.soglia.crypto.SecretCipher;
import it.soglia.twofactor.TwoFactorService;
import it.soglia.urls.PublicUrls;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;

/**
 * Runs once at deployment, before any request: refuses to start without a working encryption key or base URL,
 * brings the schema up to date, then creates the demo accounts or the bootstrap admin when configured. Any failure here fails the deployment.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN) // Flyway manages its own transactions
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @Inject
    SogliaDatabase database;

    @Inject
    SecretCipher cipher;

    @Inject
    DemoAccounts demoAccounts;

    @Inject
    PublicUrls publicUrls;

    @Inject
    BootstrapAdmin bootstrapAdmin;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    PasswordHashing passwords;

    @PostConstruct
    void start() {
        checkEncryptionKey();
        String signIn = publicUrls.signIn(); // fails the deployment on a missing or malformed soglia.base-url
        LOG.info(() -> "Links in mails lead to " + signIn);
        database.checkConfiguration(); // a malformed soglia.db.url is named before any connection is tried
        String hashing = passwords.description(); // a wrong soglia.password.* setting stops the deployment here
        LOG.info(() -> "Password hashes: " + hashing);
        migrate();
        if (!twoFactor.keyOpensStoredSecrets()) {
            throw new IllegalStateException("Soglia cannot start: soglia.crypto.key is not the key the authenticator"
                    + " secrets in this database were encrypted with; give every node the key it was first started with");
        }
        demoAccounts.createOrDisable(); // or disables demo accounts left with public passwords
        bootstrapAdmin.createIfNoAdmin();
        LOG.info("Soglia started; it answers once the deployment ends (\"Soglia is running\")");
    }

    private void checkEncryptionKey() {
        byte[] probe = "soglia".getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(probe, cipher.decrypt(cipher.encrypt(probe, "startup"), "startup"))) {
            throw new IllegalStateException("Soglia cannot start: the encryption self-test failed");
        }
    }

    private void migrate() {
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(database.dataSource())
                .locations("classpath:db/migration")
                .javaMigrations(new FillAccountSearchKeys()) // registered, not scanned: it lives with the app's code
                .load();
        int applied = flyway.migrate().migrationsExecuted;
        // The schema's own history, not the migrate result: that names a target version only when it applied one,
        // so a start with nothing to migrate logged "version null".
        var current = flyway.info().current();
        String version = current == null ? "none" : current.getVersion().getVersion();
        LOG.info(() -> "Database " + database.description() + ": schema at version " + version + " (" + applied
                + " migrations applied now)");
    }
}
