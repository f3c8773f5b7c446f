package it.soglia.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The data source JPA uses, for the code that needs plain JDBC (migrations, the readiness check): Soglia's own pool
 * ({@link SogliaDataSource}) or the server's pool named by {@code soglia.db.jndi-name}, as in persistence.xml.
 */
@ApplicationScoped
public class SogliaDatabase {

    static final String JNDI_NAME_KEY = "soglia.db.jndi-name";

    @Inject
    @ConfigProperty(name = JNDI_NAME_KEY, defaultValue = SogliaDataSource.JNDI_NAME)
    String jndiName;

    @Inject
    @ConfigProperty(name = SogliaJdbcDataSource.URL_KEY)
    String url;

    /** Looked up once, from the deployment (Bootstrap): java:app names do not resolve on the health check's thread. */
    private volatile DataSource dataSource;

    public DataSource dataSource() {
        DataSource current = dataSource;
        if (current == null) {
            current = lookUp();
            dataSource = current;
        }
        return current;
    }

    private DataSource lookUp() {
        try {
            return InitialContext.doLookup(jndiName.strip());
        } catch (NamingException e) {
            throw new IllegalStateException("Soglia cannot start: no data source at " + jndiName + " (" + JNDI_NAME_KEY
                    + "); create it on the server, or leave " + JNDI_NAME_KEY + " unset to use " + SogliaJdbcDataSource.URL_KEY, e);
        }
    }

    /** Fails the deployment on a URL Soglia's own pool cannot use, naming the key, before any connection is tried. */
    public void checkConfiguration() {
        if (usesOwnPool()) {
            SogliaJdbcDataSource.databaseOf(url);
        }
    }

    private boolean usesOwnPool() {
        return SogliaDataSource.JNDI_NAME.equals(jndiName.strip());
    }

    /** Where the data lives, for the log: never the password. */
    public String description() {
        return usesOwnPool() ? url.replaceAll("password=[^&;]*", "password=…") : jndiName.strip();
    }
}
