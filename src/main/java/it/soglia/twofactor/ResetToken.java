package it.soglia.twofactor;

import it.soglia.account.Account;
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
 * A mailed reset link. Only the SHA-256 of the token is stored: a database dump does not give anyone a usable link.
 */
@Entity
@Table(name = "reset_token")
@NamedQuery(name = ResetToken.BY_HASH, query = "select t from ResetToken t where t.tokenHash = :hash")
@NamedQuery(name = ResetToken.CREATED_SINCE,
        query = "select count(t) from ResetToken t where t.account = :account and t.createdAt > :since")
@NamedQuery(name = ResetToken.VOID_OPEN, query = "update ResetToken t set t.voidedAt = :now"
        + " where t.account = :account and t.usedAt is null and t.voidedAt is null")
public class ResetToken {

    static final String BY_HASH = "ResetToken.byHash";
    static final String CREATED_SINCE = "ResetToken.createdSince";
    static final String VOID_OPEN = "ResetToken.voidOpen";

    @Id
    @SequenceGenerator(name = "reset_token_seq", sequenceName = "reset_token_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reset_token_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "token_hash", nullable = false, length = 64)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "voided_at")
    private Instant voidedAt;

    @Column(name = "request_ip", length = 64)
    private String requestIp;

    protected ResetToken() {
        // for JPA
    }

    ResetToken(Account account, String tokenHash, Instant createdAt, Instant expiresAt, String requestIp) {
        this.account = account;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.requestIp = requestIp;
    }

    Account account() {
        return account;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean isUsableAt(Instant now) {
        return usedAt == null && voidedAt == null && now.isBefore(expiresAt);
    }

    void markUsed(Instant now) {
        this.usedAt = now;
    }
}
