package it.soglia.security;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import it.soglia.account.PasswordCheck;
import it.soglia.audit.RequestOrigin;
import it.soglia.twofactor.CodeCheck;
import it.soglia.twofactor.TwoFactorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;

/**
 * Soglia's sign-in. Step one checks the password and, when right, remembers a {@link PendingSignIn} and sends the
 * browser to the step of a second factor the account has enrolled ({@link Pages#nextStepOf}), or to enrolment when
 * none is. Step two checks what that step was given (a code, a recovery code, the first code of a new authenticator:
 * each {@link CodeCredential.Kind} says which factor it proves and is checked by its own service) and only then tells
 * the container who the caller is. The session id changes after each
 * step, so an id seen before a step is worthless after it.
 */
@AutoApplySession
@ApplicationScoped
public class TwoStepAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Inject
    AccountService accounts;

    @Inject
    PasswordCheck passwordCheck;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    PendingSignIn pending;

    @Inject
    SignedInSession signedIn;

    @Inject
    IssuedRecoveryCodes issuedRecoveryCodes;

    @Inject
    PasswordAttempts passwordAttempts;

    @Inject
    Clock clock;

    @Inject
    SignInSettings signInSettings;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (context.isAuthenticationRequest()) {
            Credential credential = context.getAuthParameters().getCredential();
            if (credential instanceof UsernamePasswordCredential password) {
                return passwordStep(password, request, context);
            }
            if (credential instanceof CodeCredential code) {
                return codeStep(code, request, context);
            }
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + Pages.LOGIN);
        }
        return context.doNothing();
    }

    private AuthenticationStatus passwordStep(UsernamePasswordCredential credential, HttpServletRequest request,
                                              HttpMessageContext context) {
        if (request.getSession(false) != null) { // a visitor without a session has nothing to clear: none is made
            pending.clear();
        }
        RequestOrigin origin = Origins.of(request);
        var admission = passwordAttempts.admit(credential.getCaller(), Account.keyOf(credential.getCaller()), origin);
        if (admission.refusal().isPresent()) { // not even checked: a right password now would tell a guesser it is right
            var block = admission.refusal().get();
            new SignInOutcome(block.locked() ? SignInOutcome.Reason.PASSWORD_LOCKED
                    : SignInOutcome.Reason.PASSWORD_THROTTLED, block.until()).attachTo(request);
            return AuthenticationStatus.SEND_FAILURE;
        }
        var verdict = passwordCheck.verify(credential.getCaller(), credential.getPasswordAsString(),
                PasswordCheck.Purpose.SIGN_IN, origin);
        if (verdict.directoryUnavailable()) { // not checked: the guess costs nothing, and the page says why
            passwordAttempts.notChecked(admission);
            SignInOutcome.of(SignInOutcome.Reason.DIRECTORY_UNAVAILABLE).attachTo(request);
            return AuthenticationStatus.SEND_FAILURE;
        }
        var account = verdict.account();
        if (account.isEmpty()) {
            passwordAttempts.failed(admission, origin);
            SignInOutcome.of(SignInOutcome.Reason.BAD_CREDENTIALS).attachTo(request);
            return AuthenticationStatus.SEND_FAILURE;
        }
        passwordAttempts.succeeded(admission);
        Account a = account.get();
        if (request.getSession(false) == null) {
            request.getSession(true); // the sign-in page keeps no session: the right password is where one begins
        } else {
            request.changeSessionId(); // an id seen before the password is worthless after it
        }
        pending.begin(a.getId(), a.getUsername(), twoFactor.enrolledFactors(a.getId()), a.isPasswordChangeRequired(),
                clock.instant());
        return context.redirect(request.getContextPath() + Pages.nextStepOf(pending));
    }

    private AuthenticationStatus codeStep(CodeCredential credential, HttpServletRequest request,
                                          HttpMessageContext context) {
        if (!pending.isActive(clock, signInSettings.pendingTimeout()) || pending.isPasswordChangeRequired()
                || !credential.kind().fits(pending.enrolledFactors())
                || (credential.enrolment() && pending.pendingSecret() == null)) {
            pending.clear();
            SignInOutcome.of(SignInOutcome.Reason.PENDING_EXPIRED).attachTo(request);
            return AuthenticationStatus.SEND_FAILURE;
        }
        long accountId = pending.accountId();
        Account account = accounts.find(accountId).orElse(null);
        if (account == null || !pending.isStillAcceptedBy(account)) {
            pending.clear(); // begun before a new password, a reset or a disabling: the password step again
            SignInOutcome.of(SignInOutcome.Reason.PENDING_EXPIRED).attachTo(request);
            return AuthenticationStatus.SEND_FAILURE;
        }
        CodeCheck check = switch (credential.kind()) {
            case ENROLMENT -> twoFactor.confirmEnrolment(accountId, pending.pendingSecret(), credential.code(),
                    Origins.of(request));
            case DAILY -> twoFactor.verifyCode(accountId, credential.code(), Origins.of(request));
            case RECOVERY -> twoFactor.verifyRecoveryCode(accountId, credential.code(), Origins.of(request));
        };
        if (!check.isAccepted()) {
            if (check.outcome() == CodeCheck.Outcome.RESTART) {
                pending.clear();
            }
            new SignInOutcome(reasonOf(check), check.lockedUntil()).attachTo(request);
            return AuthenticationStatus.SEND_FAILURE;
        }
        pending.clear();
        request.changeSessionId();
        // account was read before the code step recorded this sign-in: it still holds the one before
        signedIn.record(account.getId(), clock.instant(), account.getRole() == it.soglia.account.Role.ADMIN,
                account.getLastSignInAt(), account.getLastSignInIp());
        issuedRecoveryCodes.keep(account.getId(), check.newRecoveryCodes());
        return context.notifyContainerAboutLogin(account.getUsername(), account.getRole().groups());
    }

    private static SignInOutcome.Reason reasonOf(CodeCheck check) {
        return switch (check.outcome()) {
            case MALFORMED -> SignInOutcome.Reason.CODE_MALFORMED;
            case LOCKED -> SignInOutcome.Reason.CODE_LOCKED;
            case RESTART -> SignInOutcome.Reason.PENDING_EXPIRED;
            default -> SignInOutcome.Reason.CODE_REJECTED;
        };
    }
}
