package it.soglia.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code soglia.mail.*} settings of the outbox, each with its default stated here and nowhere else. */
@ApplicationScoped
public class MailSettings {

    /** How often the outbox is delivered. */
    @Inject
    @ConfigProperty(name = "soglia.mail.poll-interval", defaultValue = "PT2S")
    Duration pollInterval;

    /** Delivery attempts before a mail is marked failed with its last error. */
    @Inject
    @ConfigProperty(name = "soglia.mail.max-attempts", defaultValue = "8")
    int maxAttempts;

    /** The wait before the first retry; it doubles at each further attempt. */
    @Inject
    @ConfigProperty(name = "soglia.mail.retry-delay", defaultValue = "PT30S")
    Duration retryDelay;

    /** A link valid for 30 minutes must not wait longer than a few minutes for SMTP to come back. */
    @Inject
    @ConfigProperty(name = "soglia.mail.retry-max-delay", defaultValue = "PT2M")
    Duration retryMaxDelay;

    public Duration pollInterval() {
        return pollInterval;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /** The wait after {@code attempts} failed ones: the retry delay doubled each time, up to the longest wait. */
    public Duration retryDelayAfter(int attempts) {
        Duration delay = retryDelay.multipliedBy(1L << Math.min(attempts, 10));
        return delay.compareTo(retryMaxDelay) > 0 ? retryMaxDelay : delay;
    }
}
