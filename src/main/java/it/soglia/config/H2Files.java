package it.soglia.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The files of an H2 file database (accounts, password hashes, encrypted secrets, the audit log) readable by their
 * owner only: the directory is created {@code rwx------} before H2 opens it, and H2's files in it are made
 * {@code rw-------} once the first connection has created them (H2 itself creates them under the process umask,
 * usually world-readable). A directory that already existed is left as it is, with a warning when others may read it.
 */
final class H2Files {

    private static final Logger LOG = Logger.getLogger(H2Files.class.getName());
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path database; // the path H2 appends .mv.db (and .trace.db …) to

    private H2Files(Path database) {
        this.database = database;
    }

    /** The local files of {@code url}, or nothing for an in-memory or remote (tcp:, ssl:) database. */
    static Optional<H2Files> of(String url) {
        String rest = url.strip().substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("^[a-z]{2,}:.*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, zip:, nio… : nothing of ours on this disk to protect
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.of(new H2Files(Path.of(name).toAbsolutePath().normalize()));
    }

    /** Before the first connection: the directory, created for the owner only. */
    void prepareDirectory() {
        if (!posix()) {
            return;
        }
        Path directory = database.getParent();
        try {
            if (Files.notExists(directory)) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
                Files.setPosixFilePermissions(directory, OWNER_DIRECTORY); // createDirectories is subject to the umask
            } else if (Files.getPosixFilePermissions(directory).stream().anyMatch(H2Files::isForOthers)) {
                LOG.warning("The directory of the H2 database, " + directory + ", may be read by other users of this"
                        + " machine; Soglia makes its own files in it rw------- (chmod 700 the directory to be sure)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Soglia cannot start: cannot create the directory of the H2 database "
                    + directory + " (" + SogliaJdbcDataSource.URL_KEY + "): " + e.getMessage(), e);
        }
    }

    /** After a connection: H2's files of this database, for the owner only. */
    void restrictFiles() {
        if (!posix()) {
            return;
        }
        String prefix = database.getFileName() + ".";
        try (Stream<Path> files = Files.list(database.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                if (Files.isRegularFile(file) && !OWNER_FILE.equals(Files.getPosixFilePermissions(file))) {
                    Files.setPosixFilePermissions(file, OWNER_FILE);
                }
            }
        } catch (IOException e) {
            LOG.warning("Could not make the H2 database files " + database + ".* readable by their owner only: " + e);
        }
    }

    private static boolean isForOthers(PosixFilePermission permission) {
        return permission.name().startsWith("GROUP") || permission.name().startsWith("OTHERS");
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
