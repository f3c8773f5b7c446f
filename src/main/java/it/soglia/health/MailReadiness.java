package it.soglia.health;

import it.soglia.mail.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the SMTP server of the mail session {@code mail/soglia} accepts a connection and the login: reset
 * links and notifications depend on it. (Mails queued meanwhile are not lost: the outbox sends them once it is back.)
 * <p>
 * The answer is remembered for {@code soglia.health.mail-check-interval} (30 s): a load balancer probing every second
 * must not open an SMTP session with a login each time, which a relay may count as abuse. Probes arriving together
 * while the answer is stale wait for one check and share it. The response says UP or DOWN only: where the server is
 * and why it failed go to the log, not to whoever can reach {@code /health}.
 */
@Readiness
@ApplicationScoped
public class MailReadiness implements HealthCheck {

    static final String NAME = "soglia-mail";
    private static final Logger LOG = Logger.getLogger(MailReadiness.class.getName());

    @Inject
    MailSender mailSender;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "soglia.health.mail-check-interval", defaultValue = "PT30S")
    Duration interval;

    private Instant checkedAt;
    private boolean up;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(isUp()).build();
    }

    /** One check at a time: a probe that finds the answer stale checks, the others wait for it and read its answer. */
    synchronized boolean isUp() {
        Instant now = clock.instant();
        if (checkedAt == null || !now.isBefore(checkedAt.plus(interval)) || now.isBefore(checkedAt)) {
            boolean wasUp = checkedAt == null || up;
            up = answers();
            checkedAt = clock.instant();
            if (up && !wasUp) {
                LOG.info("The SMTP server of mail/soglia answers again");
            }
        }
        return up;
    }

    private boolean answers() {
        try {
            mailSender.checkConnection();
            return true;
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "The SMTP server of mail/soglia (" + mailSender.server()
                    + ") refused the readiness check: " + e);
            return false;
        }
    }
}
