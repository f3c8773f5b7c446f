package it.soglia.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Soglia's own passwords (Argon2id in the account table), the first store {@link PasswordCheck} asks. It decides
 * for the local accounts. A username it does not hold, or an account that came from the directory, it leaves to the
 * directory's store when one is configured ({@code NOT_VALIDATED}: that store spends the hash); without a
 * directory it refuses them itself, after one hash.
 */
@ApplicationScoped
public class LocalPasswordStore implements IdentityStore {

    static final int PRIORITY = 10;

    @Inject
    AccountService accounts;

    @Inject
    @ConfigProperty(name = "soglia.ldap.url")
    Optional<String> directoryUrl;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof TypedPassword typed)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        boolean directory = directoryUrl.filter(url -> !url.isBlank()).isPresent();
        var check = accounts.checkLocalPassword(typed, directory);
        if (check.isLeftToDirectory()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return check.account().map(account -> PasswordCheckResults.valid(typed, account))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public java.util.Set<ValidationType> validationTypes() {
        return java.util.EnumSet.of(ValidationType.VALIDATE);
    }
}
