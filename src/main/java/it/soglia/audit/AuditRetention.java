package it.soglia.audit;

import it.soglia.housekeeping.BatchDelete;
import it.soglia.housekeeping.Purge;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Audit rows older than {@code soglia.audit.retention} (an ISO-8601 duration such as P400D). Unset, the default, keeps
 * every row forever: how long an audit trail must be kept is the deployer's policy, not Soglia's.
 */
@ApplicationScoped
public class AuditRetention implements Purge {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "soglia.audit.retention")
    Optional<Duration> retention;

    @PostConstruct
    void check() {
        if (retention.isPresent() && (retention.get().isNegative() || retention.get().isZero())) {
            throw new IllegalStateException("Soglia cannot start: soglia.audit.retention must be a positive ISO-8601"
                    + " duration such as P400D, or unset to keep the audit rows forever; it is: " + retention.get());
        }
    }

    @Override
    public String rows() {
        return "audit rows past their retention";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteSome(Instant now, int max) {
        if (retention.isEmpty()) {
            return 0;
        }
        return BatchDelete.delete(em, "AuditEvent", "id", "e.occurredAt < :before",
                Map.of("before", now.minus(retention.get())), max);
    }
}
