package it.soglia.directory;

import it.soglia.account.Account;
import it.soglia.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether a directory user's session may go on: the directory is asked, by the user's stable id, at most every
 * {@code soglia.ldap.session-check-interval} per session. A user it no longer has, or has disabled, loses every
 * session at its next request (the account's sessions are revoked, audited). A directory that does not answer
 * ends nothing: the session is asked about again at its next request.
 */
@ApplicationScoped
public class DirectorySessions {

    private static final Logger LOG = Logger.getLogger(DirectorySessions.class.getName());

    public enum Answer { ACTIVE, GONE, NOT_ANSWERED }

    @Inject
    Directory directory;

    @Inject
    DirectoryAccounts directoryAccounts;

    @Inject
    @ConfigProperty(name = "soglia.ldap.session-check-interval", defaultValue = "PT1M")
    Duration interval;

    public boolean isDue(Instant lastChecked, Instant now) {
        return directory.isConfigured() && (lastChecked == null || !now.isBefore(lastChecked.plus(interval)));
    }

    public Answer check(Account account, RequestOrigin origin) {
        try {
            if (directory.passwords().findActive(account.getDirectoryId()).isPresent()) {
                return Answer.ACTIVE;
            }
        } catch (DirectoryUnavailableException e) {
            LOG.log(Level.WARNING, "Directory not answering at a session check: {0}", e.getMessage());
            return Answer.NOT_ANSWERED;
        }
        directoryAccounts.gone(account.getId(), origin);
        return Answer.GONE;
    }
}
