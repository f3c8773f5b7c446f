package it.soglia.config;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The driver's data source chosen by the JDBC URL, so a deployer sets one key ({@code soglia.db.url}) to move Soglia
 * from its H2 default to PostgreSQL. Payara instantiates it for {@link SogliaDataSource} and pools its connections.
 */
public class SogliaJdbcDataSource implements DataSource {

    static final String URL_KEY = "soglia.db.url";

    private String url;
    private String user;
    private String password;
    private volatile DataSource delegate;
    private volatile H2Files h2Files; // an H2 file database whose files are not yet made owner-only

    // Bean properties Payara sets from the @DataSourceDefinition.
    public void setUrl(String url) {
        this.url = url;
        this.delegate = null;
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
        this.delegate = null;
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = password;
        this.delegate = null;
    }

    /** Which database the URL names; the message names the key a deployer must fix. */
    static Database databaseOf(String url) {
        String value = url == null ? "" : url.strip();
        if (value.startsWith("jdbc:h2:")) {
            return Database.H2;
        }
        if (value.startsWith("jdbc:postgresql:")) {
            return Database.POSTGRESQL;
        }
        throw new IllegalStateException("Soglia cannot start: " + URL_KEY + " must be a jdbc:postgresql: or jdbc:h2:"
                + " URL, such as jdbc:postgresql://db.example.com:5432/soglia; it is: "
                + (value.isEmpty() ? "(empty)" : value.replaceAll("password=[^&;]*", "password=…")));
    }

    enum Database { H2, POSTGRESQL }

    private DataSource delegate() {
        DataSource current = delegate;
        if (current == null) {
            current = switch (databaseOf(url)) {
                case H2 -> h2();
                case POSTGRESQL -> postgresql();
            };
            delegate = current;
        }
        return current;
    }

    private DataSource h2() {
        h2Files = H2Files.of(url).orElse(null);
        if (h2Files != null) {
            h2Files.prepareDirectory();
        }
        var h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(url.strip());
        h2.setUser(user);
        h2.setPassword(password);
        return h2;
    }

    private DataSource postgresql() {
        var postgresql = new org.postgresql.ds.PGSimpleDataSource();
        postgresql.setURL(url.strip());
        if (user != null && !user.isBlank()) {
            postgresql.setUser(user);
        }
        if (password != null && !password.isEmpty()) {
            postgresql.setPassword(password);
        }
        return postgresql;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return restrictingFiles(delegate().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return restrictingFiles(delegate().getConnection(username, password));
    }

    /** The first connection to an H2 file database has created its files: owner-only from now on. */
    private Connection restrictingFiles(Connection connection) {
        H2Files files = h2Files;
        if (files != null) {
            files.restrictFiles();
            h2Files = null;
        }
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return Logger.getLogger("it.soglia.config");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return delegate().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || delegate().isWrapperFor(type);
    }
}
