package it.soglia.mail;

import it.soglia.crypto.SecretCipher;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outbox table. {@link #enqueue} joins the caller's transaction, so a mail exists exactly when the change it
 * reports was committed; the other methods each run in a transaction of their own, for the dispatcher.
 */
@Stateless
public class MailOutbox {

    private static final String BODY_CONTEXT = "soglia:mail-body";
    private static final Duration CLAIM = Duration.ofMinutes(2);

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    Clock clock;

    @Inject
    MailSettings settings;

    public void enqueue(Mail mail) {
        em.persist(new OutboxMessage(mail.kind(), mail.recipient(), mail.subject(), encrypt(mail.text()),
                encrypt(mail.html()), clock.instant()));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> dueIds(int max) {
        Instant now = clock.instant();
        return em.createNamedQuery(OutboxMessage.DUE, Long.class)
                .setParameter("pending", OutboxStatus.PENDING).setParameter("now", now)
                .setMaxResults(max).getResultList();
    }

    /** Takes the message for {@code node} if nobody else did; the row lock decides between two nodes. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Mail> claim(long id, String node) {
        OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (message == null || !message.isClaimableAt(now)) {
            return Optional.empty();
        }
        message.claim(node, now.plus(CLAIM));
        return Optional.of(new Mail(null, message.getRecipient(), message.getSubject(),
                decrypt(message.getBodyText()), decrypt(message.getBodyHtml())));
    }

    /** Records the delivery, unless the claim was lost meanwhile (then the other node's outcome stands). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markSent(long id, String node) {
        OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message != null && message.isClaimedBy(node)) { // null: sent by another node, and purged (SentMails)
            message.markSent(clock.instant());
        }
    }

    /** Schedules the next attempt with a doubling delay (capped), or gives up after the configured attempts. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void markAttemptFailed(long id, String node, String error) {
        OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || !message.isClaimedBy(node)) {
            return;
        }
        Instant retryAt = clock.instant().plus(settings.retryDelayAfter(message.getAttempts()));
        message.markAttemptFailed(error.length() > 1000 ? error.substring(0, 1000) : error, retryAt,
                settings.maxAttempts());
    }

    /** Mails that failed for good, newest first, for the admins. */
    @jakarta.annotation.security.RolesAllowed("ADMIN")
    public List<FailedMail> failed() {
        return em.createQuery("select m from OutboxMessage m where m.status = :failed order by m.createdAt desc",
                        OutboxMessage.class).setParameter("failed", OutboxStatus.FAILED).setMaxResults(500)
                .getResultStream().map(m -> new FailedMail(m.getId(), m.getKind(), m.getRecipient(), m.getSubject(),
                        m.getCreatedAt(), m.getAttempts(), m.getLastError())).toList();
    }

    /** Puts a failed mail back in the queue, with a fresh series of attempts. */
    @jakarta.annotation.security.RolesAllowed("ADMIN")
    public boolean resend(long id) {
        OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (message == null || !message.isFailed()) {
            return false;
        }
        message.requeue(clock.instant());
        return true;
    }

    /** A failed mail as the admins' list shows it (no body: it may hold a reset link). */
    public record FailedMail(long id, String kind, String recipient, String subject, Instant createdAt, int attempts,
                             String lastError) implements java.io.Serializable {

        // Getters for Expression Language 5 (Payara 6), which reads bean getters only, not record components.

        public long getId() {
            return id;
        }

        public String getKind() {
            return kind;
        }

        public String getRecipient() {
            return recipient;
        }

        public String getSubject() {
            return subject;
        }

        public Instant getCreatedAt() {
            return createdAt;
        }

        public int getAttempts() {
            return attempts;
        }

        public String getLastError() {
            return lastError;
        }
    }

    private String encrypt(String body) {
        return cipher.encrypt(body.getBytes(StandardCharsets.UTF_8), BODY_CONTEXT);
    }

    private String decrypt(String stored) {
        return new String(cipher.decrypt(stored, BODY_CONTEXT), StandardCharsets.UTF_8);
    }
}
