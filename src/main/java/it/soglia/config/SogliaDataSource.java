package it.soglia.config;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Soglia's own data source, so a plain deployment needs no server-side setup. The URL and credentials are
 * configuration ({@code soglia.db.*}); the default is an H2 file database that survives restarts, unlike Payara's
 * default data source, and a {@code jdbc:postgresql:} URL moves it to PostgreSQL (see {@link SogliaJdbcDataSource}).
 */
@DataSourceDefinition(
        name = SogliaDataSource.JNDI_NAME,
        className = "it.soglia.config.SogliaJdbcDataSource",
        url = "${MPCONFIG=soglia.db.url}",
        user = "${MPCONFIG=soglia.db.user}",
        password = "${MPCONFIG=soglia.db.password}",
        minPoolSize = 2,
        maxPoolSize = 32)
@ApplicationScoped
public class SogliaDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/soglia";
}
