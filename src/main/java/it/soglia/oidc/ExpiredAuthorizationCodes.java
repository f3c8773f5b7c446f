package it.soglia.oidc;

import it.soglia.housekeeping.BatchDelete;
import it.soglia.housekeeping.Purge;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Authorization codes an hour after they expired, redeemed or not: they can no longer be used, and an hour keeps a
 * reused code recognisable as such in that time.
 */
@ApplicationScoped
public class ExpiredAuthorizationCodes implements Purge {

    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Override
    public String rows() {
        return "expired authorization codes";
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteSome(Instant now, int max) {
        return BatchDelete.delete(em, "AuthorizationCode", "id", "e.expiresAt < :before",
                Map.of("before", now.minus(KEPT_AFTER_EXPIRY)), max);
    }
}
