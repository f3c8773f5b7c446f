package it.soglia.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import it.soglia.crypto.SecretCipher;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The provider's signing keys, in the database so that every node signs and verifies with the same ones. The first
 * token makes the first key; an admin's rotation retires it, and it stays published for one token lifetime more.
 */
@Stateless
@PermitAll
public class SigningKeys {

    private static final int RSA_BITS = 2048;

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    @Inject
    AuditLog audit;

    @Inject
    ProviderSettings settings;

    @Inject
    ParsedSigningKeys parsed;

    /** The key new tokens are signed with; made now if there is none. */
    public RSAKey active() {
        Optional<SigningKey> newest = em.createNamedQuery(SigningKey.NEWEST_ACTIVE, SigningKey.class)
                .setMaxResults(1).getResultStream().findFirst();
        return parsed.privateKey(newest.orElseGet(this::create), cipher);
    }

    /** The public keys a token may be checked against: the active one and those retired within a token lifetime. */
    public List<RSAKey> published() {
        Instant since = clock.instant().minus(settings.tokenLifetime());
        return em.createNamedQuery(SigningKey.PUBLISHED, SigningKey.class).setParameter("since", since)
                .getResultStream().map(parsed::publicKey).toList();
    }

    public JWKSet publishedSet() {
        return new JWKSet(published().stream().map(k -> (com.nimbusds.jose.jwk.JWK) k).toList());
    }

    /** All keys with their state, newest first, for the admins' page. */
    @RolesAllowed("ADMIN")
    public List<SigningKey> all() {
        return em.createQuery("select k from SigningKey k order by k.createdAt desc", SigningKey.class)
                .getResultList();
    }

    /** A new key signs from now on; the one before is published until the tokens it signed have expired. */
    @RolesAllowed("ADMIN")
    public String rotate(String admin, RequestOrigin origin) {
        em.createNamedQuery(SigningKey.RETIRE_ACTIVE).setParameter("now", clock.instant()).executeUpdate();
        SigningKey key = create();
        audit.record(AuditType.SIGNING_KEY_ROTATED, admin, null, origin, "kid " + key.getKid());
        return key.getKid();
    }

    private SigningKey create() {
        byte[] id = new byte[12];
        random.nextBytes(id);
        String kid = HexFormat.of().formatHex(id);
        try {
            RSAKey key = new RSAKeyGenerator(RSA_BITS).keyID(kid).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).secureRandom(random).generate();
            String encrypted = cipher.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8), context(kid));
            SigningKey row = new SigningKey(kid, key.toPublicJWK().toJSONString(), encrypted, clock.instant());
            em.persist(row);
            em.flush();
            return row;
        } catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
    }

    static String context(String kid) {
        return "oidc-signing-key:" + kid;
    }
}
