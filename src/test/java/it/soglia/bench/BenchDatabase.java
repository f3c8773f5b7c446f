package it.soglia.bench;

import it.soglia.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;

/**
 * The database Soglia runs on during the sign-in benchmark ({@code soglia.bench.db}): {@code h2}, an H2 file
 * database Soglia opens itself, inside its process, so its work is Soglia's CPU; or {@code postgresql}, the tests'
 * PostgreSQL database ({@link TestDatabase#postgres()}, emptied), whose work is done in PostgreSQL's own processes and
 * measured there. The benchmark writes its accounts through a connection of its own either way.
 */
final class BenchDatabase {

    /** {@code h2} or {@code postgresql}, as in {@code soglia.bench.db}. */
    final String kind;
    final String url;
    final String user;
    final String password;
    /** PostgreSQL's processes; {@code null} on H2, whose CPU is counted in Soglia's. */
    private final PostgresqlProcesses processes;

    private BenchDatabase(String kind, String url, String user, String password, PostgresqlProcesses processes) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.processes = processes;
    }

    static BenchDatabase named(String kind, Path work) throws IOException {
        return switch (kind.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "h2" -> h2(work.resolve("db"));
            case "postgresql" -> postgresql();
            default -> throw new IllegalArgumentException("soglia.bench.db: h2 or postgresql, not " + kind);
        };
    }

    /** A new H2 file database in {@code directory}; AUTO_SERVER lets the benchmark write through Soglia's process. */
    private static BenchDatabase h2(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        return new BenchDatabase("h2", "jdbc:h2:file:" + directory.resolve("soglia") + ";AUTO_SERVER=TRUE",
                "soglia", "soglia", null);
    }

    /** The tests' PostgreSQL database, emptied; not reachable: fails saying how to start one. */
    private static BenchDatabase postgresql() {
        TestDatabase database = TestDatabase.postgres();
        return new BenchDatabase("postgresql", database.url(), database.user(), database.password(),
                new PostgresqlProcesses());
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** Whether the database's work is done in Soglia's process (and so already in Soglia's CPU). */
    boolean insideSoglia() {
        return processes == null;
    }

    /** The database's CPU time so far, in nanoseconds: 0 when it runs inside Soglia. */
    long cpuNanos() {
        return processes == null ? 0 : processes.cpuNanos();
    }

    /**
     * The next value of {@code sequence}, as an id: EclipseLink hands out the 50 ids up to each value it takes from a
     * sequence, so it never hands out a value someone else took.
     */
    long nextId(Connection connection, String sequence) throws SQLException {
        String sql = "postgresql".equals(kind) ? "select nextval('" + sequence + "')"
                : "select next value for " + sequence;
        try (var rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** For the report: which database, its version, where its CPU is counted. */
    String describe() {
        if (insideSoglia()) {
            return "H2 file database inside Soglia's process (its CPU is Soglia's)";
        }
        try (Connection c = connect()) {
            var meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at " + url
                    + " (its CPU: all processes named postgres)";
        } catch (SQLException e) {
            return "PostgreSQL at " + url + " (version unknown: " + e.getMessage() + ")";
        }
    }
}
