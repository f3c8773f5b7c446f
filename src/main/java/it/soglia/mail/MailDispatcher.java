package it.soglia.mail;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers the outbox every few seconds. Each message is claimed in its own transaction before it is sent, so with
 * several nodes a message goes out once; sending happens outside any transaction, so a slow SMTP server never holds
 * a database lock. A node that dies mid-send leaves a claim that expires, and another node retries.
 */
@Singleton
@Startup
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class.getName());
    private static final int BATCH = 20;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    MailOutbox outbox;

    @Inject
    MailSender sender;

    @Inject
    @ConfigProperty(name = "soglia.mail.poll-interval", defaultValue = "PT2S")
    Duration pollInterval;

    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private ScheduledFuture<?> task;

    @PostConstruct
    void start() {
        task = scheduler.scheduleWithFixedDelay(this::deliverDueSafely, pollInterval.toMillis(),
                pollInterval.toMillis(), TimeUnit.MILLISECONDS);
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
            outbox.claim(id, node).ifPresent(mail -> deliver(id, mail));
        }
    }

    private void deliver(long id, Mail mail) {
        try {
            sender.send(mail);
            outbox.markSent(id);
            LOG.fine(() -> "Mail " + id + " sent");
        } catch (MessagingException | RuntimeException e) {
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.warning(() -> "Mail " + id + " not sent (" + error + "); it will be retried");
            outbox.markAttemptFailed(id, error);
        }
    }
}
