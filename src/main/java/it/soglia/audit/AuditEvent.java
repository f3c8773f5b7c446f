package it.soglia.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited event: immutable once written. */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private AuditType type;

    /** Who did it: the signed-in user or admin, or the subject themselves while signing in. */
    @Column(length = 64)
    private String actor;

    /** The account it concerns, as typed when no such account exists. */
    @Column(length = 64)
    private String subject;

    @Column(length = 64)
    private String ip;

    @Column(name = "user_agent", length = 255)
    private String userAgent;

    @Column(length = 500)
    private String detail;

    protected AuditEvent() {
        // for JPA
    }

    AuditEvent(Instant occurredAt, AuditType type, String actor, String subject, RequestOrigin origin, String detail) {
        this.occurredAt = occurredAt;
        this.type = type;
        this.actor = RequestOrigin.clean(actor, 64);
        this.subject = RequestOrigin.clean(subject, 64);
        this.ip = origin.ip();
        this.userAgent = origin.userAgent();
        this.detail = RequestOrigin.clean(detail, 500);
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public AuditType getType() {
        return type;
    }

    public String getActor() {
        return actor;
    }

    public String getSubject() {
        return subject;
    }

    public String getIp() {
        return ip;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getDetail() {
        return detail;
    }
}
