package it.soglia.oidc;

import it.soglia.account.Account;
import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * The token endpoint's work, in one transaction: a code redeemed for an ID token and an access token, audited, and
 * the application remembered for the user's profile. No refresh token is issued: when its tokens expire, an
 * application sends the user back to {@code /authorize}, which answers at once while the Soglia session lasts.
 */
@Stateless
@PermitAll
public class TokenExchange {

    /** The tokens, or the OAuth error ({@code invalid_grant}) and why, for the audit trail. */
    public record Outcome(String idToken, String accessToken, String scope, String refusal) {
        public boolean isIssued() {
            return idToken != null;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    AuthorizationCodes codes;

    @Inject
    Tokens tokens;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    public Outcome redeem(OidcClient client, String code, String redirectUri, String codeVerifier,
                          RequestOrigin origin) {
        AuthorizationCodes.Redemption redemption = codes.redeem(code, client, redirectUri, codeVerifier);
        if (!redemption.isAccepted()) {
            return refused(client, null, redemption.refusal().name(), origin);
        }
        AuthorizationGrant grant = redemption.grant();
        Account account = em.find(Account.class, grant.accountId());
        if (account == null || !account.isEnabled() || !account.acceptsSessionSignedInAt(grant.sessionValidFrom())
                || !client.admits(account.getRole())) {
            // reset, disabled or given another role between the code and now: the sign-in it proves is over
            return refused(client, account, "SIGN_IN_ENDED", origin);
        }
        audit.record(AuditType.APPLICATION_SIGN_IN, account.getUsername(), client.getClientId(), origin, null);
        remember(account, client);
        return new Outcome(tokens.idToken(grant, account, client), tokens.accessToken(grant, account, client),
                grant.scope(), null);
    }

    private Outcome refused(OidcClient client, Account account, String why, RequestOrigin origin) {
        audit.record(AuditType.APPLICATION_TOKEN_REFUSED, account == null ? null : account.getUsername(),
                client.getClientId(), origin, why);
        return new Outcome(null, null, null, why);
    }

    /** The profile lists the applications used lately: one row per account and application, the last time in it. */
    private void remember(Account account, OidcClient client) {
        ClientUse use = em.find(ClientUse.class, new ClientUse.Key(account.getId(), client.getId()));
        if (use == null) {
            em.persist(new ClientUse(account.getId(), client.getId(), clock.instant()));
        } else {
            use.signedInAgain(clock.instant());
        }
    }
}
