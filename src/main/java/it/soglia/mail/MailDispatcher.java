package it.soglia.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox every few seconds. Each message is claimed in its own transaction before it is sent, so with
 * several nodes a message goes out once; sending happens outside any transaction, so a slow SMTP server never holds
 * a database lock. A node that dies mid-send leaves a claim that expires, and another node retries.
 */
@Singleton
@Startup
@DependsOn("Bootstrap") // the outbox table exists once the migrations ran
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());
    private static final int BATCH = 20;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MailOutbox outbox;

    @Inject
    MailSender sender;

    /** Counted in {@code metrics.MailMetrics}, which observes it: mail depends on no counter. */
    @Inject
    Event<MailDelivery> deliveries;

    @Inject
    MailSettings settings;

    /** Who holds a claim: unique per start of this node, and short enough for the claimed_by column. */
    private final String node = (UUID.randomUUID() + "@" + ManagementFactory.getRuntimeMXBean().getName())
            .substring(0, Math.min(100, 37 + ManagementFactory.getRuntimeMXBean().getName().length()));
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        long every = settings.pollInterval().toMillis();
        task = scheduler.scheduleWithFixedDelay(this::deliverDueSafely, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        task.cancel(false);
    }

    private void deliverDueSafely() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail outbox round failed; next round retries", e);
        }
    }

    void deliverDue() {
        for (Long id : outbox.dueIds(BATCH)) {
            try {
                outbox.claim(id, node).ifPresent(mail -> deliver(id, mail));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Mail " + id + " could not be prepared; the others go on", e);
            }
        }
    }

    private void deliver(long id, Mail mail) {
        try {
            sender.send(mail);
        } catch (MessagingException | RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warning(() -> "Mail " + id + " not sent (" + error + "); it will be retried");
            deliveries.fire(MailDelivery.FAILED);
            outbox.markAttemptFailed(id, node, error);
            return;
        }
        // Sent: from here on a failure must never count as a failed attempt, or the mail would go out twice.
        deliveries.fire(MailDelivery.SENT);
        try {
            outbox.markSent(id, node);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Mail " + id + " was sent but could not be marked sent", e);
        }
    }
}
