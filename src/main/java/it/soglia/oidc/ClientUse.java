package it.soglia.oidc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** When an account last signed in to an application: what the profile lists as "applications used". */
@Entity
@Table(name = "oidc_client_use")
@IdClass(ClientUse.Key.class)
public class ClientUse {

    /** The composite key: one row per account and application. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private Long accountId;
        private Long clientPk;

        public Key() {
            // for JPA
        }

        Key(Long accountId, Long clientPk) {
            this.accountId = accountId;
            this.clientPk = clientPk;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(accountId, key.accountId)
                    && Objects.equals(clientPk, key.clientPk);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, clientPk);
        }
    }

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(name = "client_pk")
    private Long clientPk;

    @Column(name = "last_signed_in", nullable = false)
    private Instant lastSignedIn;

    protected ClientUse() {
        // for JPA
    }

    ClientUse(long accountId, long clientPk, Instant at) {
        this.accountId = accountId;
        this.clientPk = clientPk;
        this.lastSignedIn = at;
    }

    void signedInAgain(Instant at) {
        this.lastSignedIn = at;
    }

    public Instant getLastSignedIn() {
        return lastSignedIn;
    }

    public Long getClientPk() {
        return clientPk;
    }
}
