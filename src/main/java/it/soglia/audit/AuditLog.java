package it.soglia.audit;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** Writes audit events inside the caller's transaction (the default {@code REQUIRED}). */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<AuditRecorded> recorded;

    public void record(AuditType type, String actor, String subject, RequestOrigin origin, String detail) {
        em.persist(new AuditEvent(clock.instant(), type, actor, subject, origin, detail));
        recorded.fire(new AuditRecorded(type));
    }

    /** An event the account's owner caused themself. */
    public void record(AuditType type, String username, RequestOrigin origin) {
        record(type, username, username, origin, null);
    }
}
