package it.soglia.directory;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * The configured directory, when {@code soglia.ldap.url} is set: read at deployment, so a key Soglia cannot use
 * stops it with a message naming the key. The connections are opened at the first sign-in that needs them.
 */
@ApplicationScoped
public class Directory {

    private static final Logger LOG = Logger.getLogger(Directory.class.getName());

    @Inject
    Config config;

    private Optional<DirectorySettings> settings;
    private LdapDirectory connections;
    private DirectoryPasswords passwords;

    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object started) {
        settings = DirectorySettings.from(config);
        settings.ifPresent(s -> {
            connections = new LdapDirectory(s);
            passwords = new DirectoryPasswords(s, connections);
            LOG.info(() -> "Directory passwords: " + s);
        });
    }

    public boolean isConfigured() {
        return passwords() != null;
    }

    /** The checks on the directory; null when there is none. */
    public synchronized DirectoryPasswords passwords() {
        if (settings == null) {
            atDeployment(null);
        }
        return passwords;
    }

    @PreDestroy
    void close() {
        if (connections != null) {
            connections.close();
        }
    }
}
