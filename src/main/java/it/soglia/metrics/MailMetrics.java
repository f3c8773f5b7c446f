package it.soglia.metrics;

import it.soglia.mail.MailDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Mails handed to the SMTP server, and delivery attempts that failed (each is retried until the outbox gives up). */
@ApplicationScoped
public class MailMetrics {

    private static final String NAME = "soglia.mails";
    private static final Tag SENT = new Tag("outcome", "sent");
    private static final Tag FAILED = new Tag("outcome", "failed");

    @Inject
    MetricRegistry registry;

    /** At deployment, so both counters are listed (at 0) before the first mail. */
    void register(@Observes @Initialized(ApplicationScoped.class) Object deployed) {
        registry.counter(NAME, SENT);
        registry.counter(NAME, FAILED);
    }

    void count(@Observes MailDelivery delivery) {
        registry.counter(NAME, delivery == MailDelivery.SENT ? SENT : FAILED).inc();
    }
}
