package it.soglia.account;

import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.audit.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import java.util.Optional;

/**
 * The one path of every typed password: the sign-in, the password typed again (step-up, the key shown again, a new
 * authenticator), the password and the email change. It asks Jakarta Security's {@link IdentityStoreHandler}, which
 * asks Soglia's stores in their order: {@link LocalPasswordStore} (Argon2id, Soglia's own accounts), then the
 * directory's when {@code soglia.ldap.url} is set. Whatever the store, an unknown username costs one password hash,
 * as a wrong password does, and every answer but "right" looks the same to the caller; one audit row per check,
 * named after the purpose.
 */
@ApplicationScoped
public class PasswordCheck {

    /** Why the password was typed; names the audit row. */
    public enum Purpose {
        SIGN_IN, STEP_UP, PASSWORD_CHANGE, EMAIL_CHANGE
    }

    /**
     * The account when the password is right and the account may sign in; {@code directoryUnavailable} when the
     * directory did not answer (the password was then not checked there).
     */
    public record Verdict(Optional<Account> account, boolean directoryUnavailable) {
        public boolean isRight() {
            return account.isPresent();
        }
    }

    @Inject
    IdentityStoreHandler stores;

    @Inject
    AccountService accounts;

    @Inject
    AuditLog audit;

    public Verdict verify(String username, String password, Purpose purpose, RequestOrigin origin) {
        TypedPassword typed = new TypedPassword(username, password, origin);
        CredentialValidationResult result = stores.validate(typed);
        Optional<Account> account = result.getStatus() == CredentialValidationResult.Status.VALID
                ? acceptedAccount(typed, Long.parseLong(result.getCallerUniqueId())) : Optional.empty();
        recordAudit(typed, account, purpose);
        return new Verdict(account, account.isEmpty() && typed.report().isDirectoryUnavailable());
    }

    /** The account the store read in its check, when it is the one it vouched for; else read again. */
    private Optional<Account> acceptedAccount(TypedPassword typed, long accountId) {
        Account accepted = typed.report().acceptedAccount();
        return accepted != null && Long.valueOf(accountId).equals(accepted.getId()) ? Optional.of(accepted)
                : accounts.find(accountId);
    }

    private void recordAudit(TypedPassword typed, Optional<Account> account, Purpose purpose) {
        String known = account.map(Account::getUsername).orElse(typed.report().accountUsername());
        RequestOrigin origin = typed.origin();
        switch (purpose) {
            case SIGN_IN -> {
                if (account.isPresent()) {
                    audit.record(AuditType.SIGN_IN_PASSWORD_OK, known, origin);
                } else {
                    audit.record(AuditType.SIGN_IN_PASSWORD_FAILED, known, known == null ? typed.getCaller() : known,
                            origin, failureOf(typed));
                }
            }
            case STEP_UP -> audit.record(account.isPresent() ? AuditType.STEP_UP_OK : AuditType.STEP_UP_FAILED,
                    typed.getCaller(), origin);
            case PASSWORD_CHANGE -> {
                if (account.isEmpty()) {
                    audit.record(AuditType.PASSWORD_CHANGE_FAILED, typed.getCaller(), origin);
                }
            }
            case EMAIL_CHANGE -> {
                if (account.isEmpty()) {
                    audit.record(AuditType.PASSWORD_CHANGE_FAILED, typed.getCaller(), typed.getCaller(), origin,
                            "email change");
                }
            }
        }
    }

    private static String failureOf(TypedPassword typed) {
        String failure = typed.report().failure();
        return failure == null ? "unknown account" : failure;
    }
}
