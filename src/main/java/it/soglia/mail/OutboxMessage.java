package it.soglia.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One queued mail. Bodies are encrypted with the secrets' key and erased once the mail is sent. */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(name = OutboxMessage.DUE, query = "select m.id from OutboxMessage m where m.status = :pending"
        + " and m.nextAttemptAt <= :now and (m.claimedUntil is null or m.claimedUntil < :now) order by m.nextAttemptAt")
public class OutboxMessage {

    static final String DUE = "OutboxMessage.due";

    @Id
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    private Long id;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(name = "body_text", length = 20000)
    private String bodyText;

    @Column(name = "body_html", length = 40000)
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OutboxStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "claimed_by", length = 100)
    private String claimedBy;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Version
    private long version;

    protected OutboxMessage() {
        // for JPA
    }

    OutboxMessage(String kind, String recipient, String subject, String encryptedText, String encryptedHtml,
                  Instant now) {
        this.kind = kind;
        this.recipient = recipient;
        this.subject = subject;
        this.bodyText = encryptedText;
        this.bodyHtml = encryptedHtml;
        this.status = OutboxStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    Long getId() {
        return id;
    }

    String getRecipient() {
        return recipient;
    }

    String getSubject() {
        return subject;
    }

    String getBodyText() {
        return bodyText;
    }

    String getBodyHtml() {
        return bodyHtml;
    }

    int getAttempts() {
        return attempts;
    }

    /** Free to take: pending, due, and not taken by a node that is still within its claim. */
    boolean isClaimableAt(Instant now) {
        return status == OutboxStatus.PENDING && !nextAttemptAt.isAfter(now)
                && (claimedUntil == null || claimedUntil.isBefore(now));
    }

    String getKind() {
        return kind;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getLastError() {
        return lastError;
    }

    boolean isFailed() {
        return status == OutboxStatus.FAILED;
    }

    void requeue(Instant now) {
        this.status = OutboxStatus.PENDING;
        this.attempts = 0;
        this.nextAttemptAt = now;
        this.claimedUntil = null;
    }

    boolean isClaimedBy(String node) {
        return status == OutboxStatus.PENDING && node.equals(claimedBy);
    }

    void claim(String node, Instant until) {
        this.claimedBy = node;
        this.claimedUntil = until;
    }

    void markSent(Instant now) {
        this.status = OutboxStatus.SENT;
        this.sentAt = now;
        this.attempts++;
        this.bodyText = null; // the mail may carry a reset link: nothing to keep once delivered
        this.bodyHtml = null;
        this.claimedUntil = null;
        this.lastError = null;
    }

    void markAttemptFailed(String error, Instant retryAt, int maxAttempts) {
        this.attempts++;
        this.lastError = error;
        this.claimedUntil = null;
        if (attempts >= maxAttempts) {
            this.status = OutboxStatus.FAILED;
        } else {
            this.nextAttemptAt = retryAt;
        }
    }
}
