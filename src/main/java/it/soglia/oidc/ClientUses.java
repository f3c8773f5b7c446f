package it.soglia.oidc;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which applications a user signed in to lately ({@code oidc_client_use}, written at each token issued), for the
 * profile: a user who sees an application there they do not remember using has a reason to call the admin.
 */
@Stateless
@PermitAll
public class ClientUses {

    /** How far back the profile looks: older sign-ins are history for the audit log, not "recent". */
    static final Duration RECENT = Duration.ofDays(90);
    /** A short list: the most recent ones are what a user recognises. */
    static final int AT_MOST = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** The enabled applications the account signed in to in the last 90 days, newest first, at most 10. */
    public List<RecentApplication> recentFor(long accountId) {
        Instant since = clock.instant().minus(RECENT);
        return em.createQuery("select c, u from ClientUse u, OidcClient c"
                        + " where u.clientPk = c.id and u.accountId = :account and c.enabled = true"
                        + " and u.lastSignedIn >= :since order by u.lastSignedIn desc, c.name", Object[].class)
                .setParameter("account", accountId).setParameter("since", since).setMaxResults(AT_MOST)
                .getResultStream().map(row -> new RecentApplication(((OidcClient) row[0]).getName(),
                        ((ClientUse) row[1]).getLastSignedIn())).toList();
    }
}
