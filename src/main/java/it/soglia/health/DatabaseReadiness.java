package it.soglia.health;

import it.soglia.config.SogliaDatabase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the database answers: every sign-in step reads and writes it. Checked on every probe (a pooled
 * connection's validation costs the database nothing worth saving). The response says UP or DOWN only: which database
 * it is and why it failed go to the log, not to whoever can reach {@code /health}.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final String NAME = "soglia-database";
    private static final Logger LOG = Logger.getLogger(DatabaseReadiness.class.getName());
    private static final int TIMEOUT_SECONDS = 3;

    @Inject
    SogliaDatabase database;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(answers()).build();
    }

    private boolean answers() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "The database refused the readiness check: " + e);
            return false;
        }
    }
}
