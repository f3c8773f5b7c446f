package it.soglia.account;

import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.util.HashSet;

/** The answer a store gives for a right password: the account's username, its id and its role's groups. */
public final class PasswordCheckResults {

    private PasswordCheckResults() {
    }

    public static CredentialValidationResult valid(Account account) {
        return new CredentialValidationResult(null, new jakarta.security.enterprise.CallerPrincipal(
                account.getUsername()), null, String.valueOf(account.getId()),
                new HashSet<>(account.getRole().groups()));
    }
}
