package it.soglia.oidc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A code handed to the application through the browser, redeemed once by the application itself for tokens. Only its
 * SHA-256 is stored; it is bound to the client, the redirect URI and (when sent) the PKCE challenge.
 */
@Entity
@Table(name = "oidc_authorization_code")
@NamedQuery(name = AuthorizationCode.BY_HASH, query = "select c from AuthorizationCode c where c.codeHash = :hash")
@NamedQuery(name = AuthorizationCode.REDEEM, query = "update AuthorizationCode c set c.redeemedAt = :now"
        + " where c.codeHash = :hash and c.redeemedAt is null")
public class AuthorizationCode {

    static final String BY_HASH = "AuthorizationCode.byHash";
    static final String REDEEM = "AuthorizationCode.redeem";

    @Id
    @SequenceGenerator(name = "oidc_code_seq", sequenceName = "oidc_code_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "oidc_code_seq")
    private Long id;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "client_pk")
    private OidcClient client;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "redirect_uri", nullable = false, length = 1000)
    private String redirectUri;

    @Column(nullable = false, length = 500)
    private String scope;

    @Column(length = 500)
    private String nonce;

    @Column(name = "code_challenge", length = 128)
    private String codeChallenge;

    @Column(name = "auth_time", nullable = false)
    private Instant authTime;

    @Column(name = "session_valid_from", nullable = false)
    private Instant sessionValidFrom;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    protected AuthorizationCode() {
        // for JPA
    }

    AuthorizationCode(String codeHash, OidcClient client, AuthorizationGrant grant, Instant now, Instant expiresAt) {
        this.codeHash = codeHash;
        this.client = client;
        this.accountId = grant.accountId();
        this.redirectUri = grant.redirectUri();
        this.scope = grant.scope();
        this.nonce = grant.nonce();
        this.codeChallenge = grant.codeChallenge();
        this.authTime = grant.authTime();
        this.sessionValidFrom = grant.sessionValidFrom();
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    OidcClient client() {
        return client;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    AuthorizationGrant grant() {
        return new AuthorizationGrant(accountId, redirectUri, scope, nonce, codeChallenge, authTime,
                sessionValidFrom);
    }
}
