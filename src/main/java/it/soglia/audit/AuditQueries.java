package it.soglia.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The admins' view of the audit trail, newest first, filtered and paged in the database. */
@Stateless
@RolesAllowed("ADMIN")
public class AuditQueries {

    @PersistenceContext
    EntityManager em;

    /**
     * @param account the account the events concern (their subject), as stored; null for all
     * @param type    one type of event; null for all
     */
    public record Filter(String account, AuditType type) {
    }

    public long count(Filter filter) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditEvent> event = count.from(AuditEvent.class);
        count.select(cb.count(event)).where(conditions(cb, event, filter));
        return em.createQuery(count).getSingleResult();
    }

    public List<AuditEvent> page(Filter filter, int first, int size, boolean oldestFirst) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEvent> select = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> event = select.from(AuditEvent.class);
        select.where(conditions(cb, event, filter)).orderBy(oldestFirst
                ? List.of(cb.asc(event.get("occurredAt")), cb.asc(event.get("id")))
                : List.of(cb.desc(event.get("occurredAt")), cb.desc(event.get("id"))));
        return em.createQuery(select).setFirstResult(first).setMaxResults(Math.min(size, 200)).getResultList();
    }

    /**
     * The events newest first, {@code size} at a time for an export: those after {@code last} (null: the newest),
     * found by seeking in the (occurred_at, id) indexes, so every page costs the same however deep the export goes
     * (an OFFSET reads again every row before it). Events at the same instant are told apart by their id.
     */
    public List<AuditEvent> newestAfter(Filter filter, AuditEvent last, int size) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditEvent> select = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> event = select.from(AuditEvent.class);
        List<Predicate> where = new ArrayList<>(List.of(conditions(cb, event, filter)));
        if (last != null) {
            Path<Instant> occurredAt = event.get("occurredAt");
            where.add(cb.lessThanOrEqualTo(occurredAt, last.getOccurredAt())); // where the index range starts
            where.add(cb.or(cb.lessThan(occurredAt, last.getOccurredAt()), cb.lessThan(event.<Long>get("id"), last.getId())));
        }
        select.where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(event.get("occurredAt")), cb.desc(event.get("id")));
        return em.createQuery(select).setMaxResults(Math.min(size, 200)).getResultList();
    }

    private static Predicate[] conditions(CriteriaBuilder cb, Root<AuditEvent> event, Filter filter) {
        List<Predicate> where = new ArrayList<>();
        if (filter.account() != null && !filter.account().isBlank()) {
            // plain equality: the (subject, occurred_at, id) index serves it; lower() or an OR would read every row
            where.add(cb.equal(event.get("subject"), filter.account().strip()));
        }
        if (filter.type() != null) {
            where.add(cb.equal(event.get("type"), filter.type()));
        }
        return where.toArray(Predicate[]::new);
    }
}
