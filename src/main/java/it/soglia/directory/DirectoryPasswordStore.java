package it.soglia.directory;

import it.soglia.account.AccountService;
import it.soglia.account.PasswordCheckResults;
import it.soglia.account.PasswordHashing;
import it.soglia.account.TypedPassword;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.EnumSet;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The directory's passwords, the identity store asked after Soglia's own ({@code LocalPasswordStore}). It never
 * speaks for a username that is a local account's: those are decided by the local store alone, so a directory
 * down or a directory user of the same name changes nothing for them. Every check here spends one password hash,
 * as a local check does, whether the user exists or not, so the time of the answer does not tell a guesser which
 * usernames the directory knows; and an empty password ends here before any LDAP call.
 */
@ApplicationScoped
public class DirectoryPasswordStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(DirectoryPasswordStore.class.getName());

    @Inject
    Directory directory;

    @Inject
    AccountService accounts;

    @Inject
    DirectoryAccounts directoryAccounts;

    @Inject
    PasswordHashing passwords;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof TypedPassword typed) || !directory.isConfigured()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var local = accounts.findByUsername(typed.getCaller());
        if (local.isPresent() && !local.get().isFromDirectory()) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT; // the local store decided
        }
        passwords.matchesNothing(typed.getPasswordAsString()); // the time of a local check, whatever follows
        DirectoryPasswords.Answer answer;
        try {
            answer = directory.passwords().check(typed.getCaller(), typed.getPasswordAsString());
        } catch (DirectoryUnavailableException e) {
            LOG.log(Level.WARNING, "Directory not answering at a sign-in: {0}", e.getMessage());
            typed.report().directoryUnavailable();
            directoryAccounts.unavailable(typed.getCaller(), typed.origin(), "password check");
            return CredentialValidationResult.INVALID_RESULT;
        }
        String known = local.map(a -> a.getUsername()).orElse(null);
        switch (answer.kind()) {
            case EMPTY_PASSWORD -> typed.report().refused(known, "empty password");
            case UNKNOWN -> typed.report().refused(known, known == null ? "unknown account" : "not in the directory");
            case WRONG -> typed.report().refused(known, "wrong password");
            case DISABLED -> typed.report().refused(known, "disabled in the directory");
            case RIGHT -> {
                var outcome = directoryAccounts.signedIn(answer.user(), answer.admin(), typed.origin());
                if (outcome.account().isPresent()) {
                    return PasswordCheckResults.valid(typed, outcome.account().get());
                }
                typed.report().refused(known, outcome.refusal() == DirectoryAccounts.Refusal.USERNAME_TAKEN
                        ? "username of another account" : "account disabled");
            }
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    @Override
    public int priority() {
        return 20; // after LocalPasswordStore
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return EnumSet.of(ValidationType.VALIDATE);
    }
}
