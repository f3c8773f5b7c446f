package it.soglia.oidc;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;

/**
 * Deletes authorization codes an hour after they expired, redeemed or not: they can no longer be used, and an hour
 * keeps a reused code recognisable as such in that time. Every node runs it; the DELETE is the same on each.
 */
@Singleton
public class ExpiredCodesCleanup {

    private static final Duration KEPT_AFTER_EXPIRY = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Schedule(minute = "*/15", hour = "*", persistent = false)
    public void deleteExpiredCodes() {
        em.createQuery("delete from AuthorizationCode c where c.expiresAt < :before")
                .setParameter("before", clock.instant().minus(KEPT_AFTER_EXPIRY)).executeUpdate();
    }
}
