package it.soglia.config;

import it.soglia.twofactor.SecretCipher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Logger;
import javax.sql.DataSource;
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

    @Resource(lookup = SogliaDataSource.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SecretCipher cipher;

    @Inject
    DemoAccounts demoAccounts;

    @Inject
    PublicUrls publicUrls;

    @Inject
    BootstrapAdmin bootstrapAdmin;

    @PostConstruct
    void start() {
        checkEncryptionKey();
        String signIn = publicUrls.signIn(); // fails the deployment on a missing or malformed soglia.base-url
        LOG.info(() -> "Links in mails lead to " + signIn);
        migrate();
        demoAccounts.createIfEnabled();
        bootstrapAdmin.createIfNoAdmin();
        LOG.info("Soglia started");
    }

    private void checkEncryptionKey() {
        byte[] probe = "soglia".getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(probe, cipher.decrypt(cipher.encrypt(probe, "startup"), "startup"))) {
            throw new IllegalStateException("Soglia cannot start: the encryption self-test failed");
        }
    }

    private void migrate() {
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new FillAccountSearchKeys()) // registered, not scanned: it lives with the app's code
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
