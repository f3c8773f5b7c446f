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
 * The H2 database of a test run, served over TCP from the test JVM: Soglia (in Payara) and the tests' fixtures both
 * connect to it, and it starts empty in every run.
 */
public final class TestDatabase implements AutoCloseable {

    static final String USER = "soglia";
    static final String PASSWORD = "soglia";

    private final Server server;
    private final String url;

    private TestDatabase(Server server) {
        this.server = server;
        this.url = "jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/soglia";
    }

    public static TestDatabase start(Path directory) {
        try {
            deleteRecursively(directory);
            Files.createDirectories(directory);
            Server server = Server.createTcpServer("-tcpPort", Integer.toString(FreePort.find()), "-ifNotExists",
                    "-baseDir", directory.toAbsolutePath().toString()).start();
            return new TestDatabase(server);
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
        return DriverManager.getConnection(url, USER, PASSWORD);
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
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (java.time.Instant.now().isBefore(deadline)) {
            var values = column(sql, parameter);
            if (!values.isEmpty() && values.stream().allMatch(condition)) {
                return;
            }
            try {
                java.util.concurrent.TimeUnit.MILLISECONDS.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("never reached the expected state: " + sql + " -> " + column(sql, parameter));
    }

    @Override
    public void close() {
        server.stop();
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
