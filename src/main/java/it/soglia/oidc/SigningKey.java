package it.soglia.oidc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An RSA key pair signing the provider's tokens. The public part is published at {@code /jwks}; the private part is
 * stored encrypted with {@code soglia.crypto.key}, bound to the key id. A retired key signs nothing more but stays
 * published until the last token it signed has expired.
 */
@Entity
@Table(name = "oidc_signing_key")
@NamedQuery(name = SigningKey.NEWEST_ACTIVE,
        query = "select k from SigningKey k where k.retiredAt is null order by k.createdAt desc, k.id desc")
@NamedQuery(name = SigningKey.PUBLISHED,
        query = "select k from SigningKey k where k.retiredAt is null or k.retiredAt > :since order by k.createdAt desc")
@NamedQuery(name = SigningKey.RETIRE_ACTIVE,
        query = "update SigningKey k set k.retiredAt = :now where k.retiredAt is null")
public class SigningKey {

    static final String NEWEST_ACTIVE = "SigningKey.newestActive";
    static final String PUBLISHED = "SigningKey.published";
    static final String RETIRE_ACTIVE = "SigningKey.retireActive";

    @Id
    @SequenceGenerator(name = "oidc_signing_key_seq", sequenceName = "oidc_signing_key_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "oidc_signing_key_seq")
    private Long id;

    @Column(nullable = false, length = 64)
    private String kid;

    @Column(name = "public_jwk", nullable = false, length = 4000)
    private String publicJwk;

    @Column(name = "private_key", nullable = false, length = 8000)
    private String privateKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected SigningKey() {
        // for JPA
    }

    SigningKey(String kid, String publicJwk, String encryptedPrivateKey, Instant createdAt) {
        this.kid = kid;
        this.publicJwk = publicJwk;
        this.privateKey = encryptedPrivateKey;
        this.createdAt = createdAt;
    }

    public String getKid() {
        return kid;
    }

    public String getPublicJwk() {
        return publicJwk;
    }

    String encryptedPrivateKey() {
        return privateKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRetiredAt() {
        return retiredAt;
    }
}
