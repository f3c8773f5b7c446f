package it.soglia.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * A row of the search index, as {@link AccountDirectory} reads it: the accounts with a key in a range. Written only
 * through {@link Account}, which keeps its keys with its search text; never persisted on its own.
 */
@Entity
@Table(name = "account_search_key")
@IdClass(AccountSearchKey.Row.class)
public class AccountSearchKey {

    @Id
    @Column(name = "account_id")
    private long accountId;

    @Id
    @Column(name = "search_key")
    private long searchKey;

    protected AccountSearchKey() {
        // for JPA
    }

    /** The primary key: one account, one key. */
    public static class Row implements Serializable {

        private static final long serialVersionUID = 1L;

        private long accountId;
        private long searchKey;

        public Row() {
            // for JPA
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && row.accountId == accountId && row.searchKey == searchKey;
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, searchKey);
        }
    }
}
