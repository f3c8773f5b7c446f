package it.soglia.health;

import it.soglia.mail.MailSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the SMTP server of the mail session {@code mail/soglia} accepts a connection: reset links and
 * notifications depend on it. (Mails queued meanwhile are not lost: the outbox sends them once it is back.)
 */
@Readiness
@ApplicationScoped
public class MailReadiness implements HealthCheck {

    static final String NAME = "soglia-mail";

    @Inject
    MailSender mailSender;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME).withData("smtp", mailSender.server());
        try {
            mailSender.checkConnection();
            return response.up().build();
        } catch (MessagingException | RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
