package it.soglia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.h2.tools.Server;

/**
 * A database of a test run, empty at its start, which Soglia (in Payara) and the tests' fixtures both connect to:
 * H2 served over TCP from the test JVM, or the PostgreSQL named by {@code soglia.it.pg.*} (see {@link #postgres}).
 */
public final class TestDatabase implements AutoCloseable {

    static final String USER = "soglia";
    static final String PASSWORD = "soglia";

    private final Server server;
    private final String url;
    private final String user;
    private final String password;

    private TestDatabase(Server server, String url, String user, String password) {
        this.server = server;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * The PostgreSQL test database ({@code soglia.it.pg.url}, {@code .user}, {@code .password}; by default the one
     * {@code .ci/run} creates), emptied. Not reachable: the run fails and says how to get one; it never skips.
     */
    public static TestDatabase postgres() {
        String url = System.getProperty("soglia.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/soglia_test");
        String user = System.getProperty("soglia.it.pg.user", "soglia_test");
        String password = System.getProperty("soglia.it.pg.password", "soglia_test");
        TestDatabase database = new TestDatabase(null, url, user, password);
        try (Connection c = database.connect(); var statement = c.createStatement()) {
            statement.execute("drop schema if exists public cascade");
            statement.execute("create schema public");
        } catch (SQLException e) {
            throw new IllegalStateException("The PostgreSQL tests need the database " + url + " (user " + user
                    + "), and it could not be used: " + e.getMessage() + ". Start PostgreSQL and create it, as .ci/run"
                    + " does: pg_ctlcluster --skip-systemctl-redirect 15 main start; runuser -u postgres -- psql -c"
                    + " \"create user " + user + " with password '" + password + "'\" -c \"create database "
                    + url.replaceAll(".*/", "") + " owner " + user + "\" (or point -Dsoglia.it.pg.url, .user and"
                    + " .password at another one).", e);
        }
        return database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The next id of {@code sequence}, in the database's own words. */
    public long nextId(Connection connection, String sequence) throws SQLException {
        String sql = url.startsWith("jdbc:postgresql:") ? "select nextval('" + sequence + "')"
                : "select next value for " + sequence;
        try (var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public static TestDatabase start(Path directory) {
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory);
            Server server = Server.createTcpServer("-tcpPort", Integer.toString(FreePort.find()), "-ifNotExists",
                    "-baseDir", directory.toAbsolutePath().toString()).start();
            return new TestDatabase(server, "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/soglia", USER, PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("could not start the H2 test database", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** The first column of every row {@code sql} returns, as text (null stays null). */
    public java.util.List<String> column(String sql, Object... parameters) {
        try (Connection c = connect(); var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            java.util.List<String> values = new java.util.ArrayList<>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits (up to 30 s) until {@code sql} returns at least one row and every value satisfies {@code condition}:
     * what Soglia does in the background (the mail outbox) lands a little later.
     */
    public void await(String sql, Object parameter, java.util.function.Predicate<String> condition) {
        boolean reached = Poll.until(java.time.Duration.ofSeconds(30), java.time.Duration.ofMillis(200), () -> {
            var values = column(sql, parameter);
            return !values.isEmpty() && values.stream().allMatch(condition);
        });
        if (!reached) {
            throw new AssertionError("never reached the expected state: " + sql + " -> " + column(sql, parameter));
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
