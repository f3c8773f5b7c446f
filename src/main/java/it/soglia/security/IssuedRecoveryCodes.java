package it.soglia.security;

import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.List;

/**
 * Recovery codes just issued, in clear, until their owner confirms having kept them: they are shown on
 * {@code /recovery-codes} only from here and never from the database, which has their hashes only.
 */
@SessionScoped
public class IssuedRecoveryCodes implements Serializable {

    private static final long serialVersionUID = 1L;

    private long accountId;
    private List<String> codes = List.of();

    public void keep(long accountId, List<String> codes) {
        this.accountId = accountId;
        this.codes = List.copyOf(codes);
    }

    /** The codes to show to this account, or none. */
    public List<String> of(long accountId) {
        return this.accountId == accountId ? codes : List.of();
    }

    public void forget() {
        this.codes = List.of();
    }
}
