package it.soglia.account;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.HashSet;

/** The answer a store gives for a right password: the account's username, its id and its role's groups. */
public final class PasswordCheckResults {

    private PasswordCheckResults() {
    }

    /** The store's "right password" for {@code account}; the account is kept in the credential's report too. */
    public static CredentialValidationResult valid(TypedPassword typed, Account account) {
        typed.report().accepted(account);
        return new CredentialValidationResult(null, new jakarta.security.enterprise.CallerPrincipal(
                account.getUsername()), null, String.valueOf(account.getId()),
                new HashSet<>(account.getRole().groups()));
    }
}
