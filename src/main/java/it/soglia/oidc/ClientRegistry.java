package it.soglia.oidc;

import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import it.soglia.crypto.Sha256;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The applications registered to sign in through Soglia. Admins register, change, disable them and make new secrets;
 * each change is one transaction, one audit entry and a mail to every admin. A secret is shown once, when made, and
 * kept only as its SHA-256.
 */
@Stateless
@RolesAllowed("ADMIN")
public class ClientRegistry {

    /** What a registration gave: the problems (nothing saved), or the client and its secret, shown this once. */
    public record Registration(List<ClientDraft.Problem> problems, OidcClient client, String secret) {
        public boolean isDone() {
            return problems.isEmpty();
        }
    }

    /** Compared against when the client id is unknown, so that an unknown client costs what a known one does. */
    private static final String NO_CLIENT_DIGEST = Sha256.hex("no client");

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    @Inject
    ClientNotifications notifications;

    @PermitAll
    public Optional<OidcClient> byClientId(String clientId) {
        if (clientId == null || clientId.isEmpty() || clientId.length() > 100) {
            return Optional.empty();
        }
        return em.createNamedQuery(OidcClient.BY_CLIENT_ID, OidcClient.class).setParameter("clientId", clientId)
                .getResultStream().findFirst();
    }

    /** The enabled client whose id and secret these are; the comparison takes the same time whatever is wrong. */
    @PermitAll
    public Optional<OidcClient> authenticate(String clientId, String secret) {
        Optional<OidcClient> client = byClientId(clientId);
        String typed = Sha256.hex(secret == null ? "" : secret);
        boolean right = Sha256.sameDigest(typed, client.map(OidcClient::secretHash).orElse(NO_CLIENT_DIGEST));
        return client.filter(c -> right && c.isEnabled());
    }

    public List<OidcClient> all() {
        return em.createNamedQuery(OidcClient.ALL, OidcClient.class).getResultList();
    }

    public Registration register(ClientDraft draft, String admin, RequestOrigin origin) {
        List<ClientDraft.Problem> problems = new ArrayList<>(draft.problems());
        if (byClientId(draft.clientId()).isPresent()) {
            problems.add(new ClientDraft.Problem("clients.problem.taken", draft.clientId()));
        }
        if (!problems.isEmpty()) {
            return new Registration(problems, null, null);
        }
        String secret = RandomTokens.of(random);
        OidcClient client = new OidcClient(draft, Sha256.hex(secret), clock.instant());
        em.persist(client);
        audit.record(AuditType.CLIENT_REGISTERED, admin, client.getClientId(), origin, describe(client));
        notifications.changed(AuditType.CLIENT_REGISTERED, client, admin, clock.instant(), origin);
        return new Registration(List.of(), client, secret);
    }

    /** Changes name, addresses and roles of a client (its id stays); answers the problems, nothing saved then. */
    public List<ClientDraft.Problem> update(String clientId, ClientDraft draft, String admin, RequestOrigin origin) {
        OidcClient client = existing(clientId);
        ClientDraft withSameId = new ClientDraft(draft.name(), client.getClientId(), draft.redirectUris(),
                draft.postLogoutRedirectUris(), draft.allowedRoles());
        List<ClientDraft.Problem> problems = withSameId.problems();
        if (!problems.isEmpty()) {
            return problems;
        }
        client.apply(withSameId);
        audit.record(AuditType.CLIENT_CHANGED, admin, client.getClientId(), origin, describe(client));
        notifications.changed(AuditType.CLIENT_CHANGED, client, admin, clock.instant(), origin);
        return List.of();
    }

    /** A new secret, shown this once; the old one stops working at once. */
    public String newSecret(String clientId, String admin, RequestOrigin origin) {
        OidcClient client = existing(clientId);
        String secret = RandomTokens.of(random);
        client.changeSecret(Sha256.hex(secret), clock.instant());
        audit.record(AuditType.CLIENT_SECRET_CHANGED, admin, client.getClientId(), origin, null);
        notifications.changed(AuditType.CLIENT_SECRET_CHANGED, client, admin, clock.instant(), origin);
        return secret;
    }

    public void setEnabled(String clientId, boolean enabled, String admin, RequestOrigin origin) {
        OidcClient client = existing(clientId);
        if (client.isEnabled() == enabled) {
            return; // a second click on a stale page: nothing changes, nothing to audit
        }
        client.setEnabled(enabled);
        AuditType type = enabled ? AuditType.CLIENT_ENABLED : AuditType.CLIENT_DISABLED;
        audit.record(type, admin, client.getClientId(), origin, null);
        notifications.changed(type, client, admin, clock.instant(), origin);
    }

    private OidcClient existing(String clientId) {
        return byClientId(clientId).orElseThrow(() -> new IllegalArgumentException("no client " + clientId));
    }

    /** The audit detail of a registration or change: what the application may now do. */
    private static String describe(OidcClient client) {
        return "redirect: " + String.join(" ", client.getRedirectUris())
                + (client.getPostLogoutRedirectUris().isEmpty() ? ""
                        : "; logout: " + String.join(" ", client.getPostLogoutRedirectUris()))
                + (client.getAllowedRoles().isEmpty() ? "" : "; roles: " + client.getAllowedRoles());
    }
}
