package it.soglia.twofactor;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One recovery code of an account, as its hash only; used once. */
@Entity
@Table(name = "recovery_code")
@NamedQuery(name = RecoveryCode.UNUSED_OF,
        query = "select r from RecoveryCode r where r.accountId = :account and r.usedAt is null")
@NamedQuery(name = RecoveryCode.COUNT_UNUSED_OF,
        query = "select count(r) from RecoveryCode r where r.accountId = :account and r.usedAt is null")
@NamedQuery(name = RecoveryCode.ERASE_ALL_OF, query = "delete from RecoveryCode r where r.accountId = :account")
public class RecoveryCode {

    static final String UNUSED_OF = "RecoveryCode.unusedOf";
    static final String COUNT_UNUSED_OF = "RecoveryCode.countUnusedOf";
    static final String ERASE_ALL_OF = "RecoveryCode.eraseAllOf";

    @Id
    @SequenceGenerator(name = "recovery_code_seq", sequenceName = "recovery_code_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recovery_code_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "code_hash", nullable = false, length = 200)
    private String codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
        // for JPA
    }

    RecoveryCode(long accountId, String codeHash, Instant createdAt) {
        this.accountId = accountId;
        this.codeHash = codeHash;
        this.createdAt = createdAt;
    }

    String codeHash() {
        return codeHash;
    }

    void markUsed(Instant now) {
        this.usedAt = now;
    }
}
