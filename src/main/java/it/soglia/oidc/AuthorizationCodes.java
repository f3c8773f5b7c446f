package it.soglia.oidc;

import it.soglia.crypto.Sha256;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/**
 * Issues authorization codes and redeems them, once. Redeeming marks the code first, in one UPDATE that only one
 * request (on any node) can win, and checks it after: a code presented twice, or by the wrong client, is spent.
 */
@Stateless
@PermitAll
public class AuthorizationCodes {

    /** Why a code was refused; the application is told {@code invalid_grant} whatever the reason. */
    public enum Refusal { UNKNOWN_OR_USED, EXPIRED, OTHER_CLIENT, OTHER_REDIRECT_URI, PKCE_MISMATCH }

    /** The grant behind a redeemed code, or why there is none. */
    public record Redemption(AuthorizationGrant grant, Refusal refusal) {
        public boolean isAccepted() {
            return grant != null;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    public String issue(OidcClient client, AuthorizationGrant grant) {
        String code = RandomTokens.of(random);
        Instant now = clock.instant();
        em.persist(new AuthorizationCode(Sha256.hex(code), em.merge(client), grant, now,
                now.plus(ProviderSettings.CODE_LIFETIME)));
        return code;
    }

    public Redemption redeem(String code, OidcClient client, String redirectUri, String codeVerifier) {
        if (code == null || code.isEmpty() || code.length() > 100) {
            return new Redemption(null, Refusal.UNKNOWN_OR_USED);
        }
        String hash = Sha256.hex(code);
        Instant now = clock.instant();
        int won = em.createNamedQuery(AuthorizationCode.REDEEM).setParameter("now", now).setParameter("hash", hash)
                .executeUpdate();
        if (won == 0) {
            return new Redemption(null, Refusal.UNKNOWN_OR_USED);
        }
        AuthorizationCode stored = em.createNamedQuery(AuthorizationCode.BY_HASH, AuthorizationCode.class)
                .setParameter("hash", hash).getSingleResult();
        AuthorizationGrant grant = stored.grant();
        Refusal refusal = null;
        if (!now.isBefore(stored.expiresAt())) {
            refusal = Refusal.EXPIRED;
        } else if (!stored.client().getId().equals(client.getId())) {
            refusal = Refusal.OTHER_CLIENT;
        } else if (!grant.redirectUri().equals(redirectUri)) {
            refusal = Refusal.OTHER_REDIRECT_URI;
        } else if (grant.codeChallenge() != null ? !Pkce.verifies(grant.codeChallenge(), codeVerifier)
                : codeVerifier != null) {
            refusal = Refusal.PKCE_MISMATCH; // a verifier for a request sent without a challenge: not the same flow
        }
        return refusal == null ? new Redemption(grant, null) : new Redemption(null, refusal);
    }
}
