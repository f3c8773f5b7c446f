package it.soglia.web;

import it.soglia.account.PasswordCheck;
import it.soglia.audit.RequestOrigin;
import it.soglia.security.Origins;
import it.soglia.security.SignedInSession;
import it.soglia.twofactor.CodeCheck;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;

/**
 * The proof typed now before the active key is shown again or a new authenticator is linked (form {@code stepup}
 * on {@code /profile} and {@code /new-authenticator}): the password and the current code of the active
 * authenticator. A session cookie alone, or a recent sign-in, is not enough: whoever holds the cookie knows neither.
 * This bean checks the password (counted with the sign-in's, as the step-up's); the page's bean hands the code to
 * {@code TwoFactorService}, which checks it as at sign-in (replay, counting, lock).
 */
@Named
@RequestScoped
public class SecretProofBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    PasswordCheck passwordCheck;

    @Inject
    SignedInSession signedIn;

    @Inject
    PasswordReentryThrottle reentryThrottle;

    @Inject
    ExternalContext external;

    @Inject
    Clock clock;

    @Inject
    DisplayTime displayTime;

    private String password;
    private String code;

    /**
     * Checks the password typed; when right, returns the code typed with it for the caller to check. Empty, with the
     * message why, when the password is wrong or must wait, or no code was typed. A right password counts as a
     * step-up (the profile's own reset and new recovery codes need one), never as the proof for the key.
     */
    public Optional<String> codeAfterRightPassword(String codeMissingMessage) {
        String typedPassword = password;
        String typedCode = code;
        password = null;
        code = null;
        String username = securityContext.getCallerPrincipal().getName();
        RequestOrigin origin = origin();
        if (!reentryThrottle.admit(username)) {
            return Optional.empty();
        }
        if (!passwordCheck.verify(username, typedPassword, PasswordCheck.Purpose.STEP_UP, origin).isRight()) {
            reentryThrottle.passwordWasWrong(username, origin);
            Messages.error("profile.step-up.failed");
            return Optional.empty();
        }
        reentryThrottle.passwordWasRight(username);
        signedIn.recordPasswordConfirmed(clock.instant());
        if (typedCode == null || typedCode.isBlank()) {
            Messages.warn(codeMissingMessage);
            return Optional.empty();
        }
        return Optional.of(typedCode);
    }

    /** Says why a code typed for the proof was not accepted; a replayed code reads as a wrong one (as at sign-in). */
    public void showRefusal(CodeCheck check) {
        switch (check.outcome()) {
            case MALFORMED -> Messages.error("code.malformed");
            case LOCKED -> {
                if (check.lockedUntil() == null) {
                    Messages.error("proof.code.locked-for-good");
                } else {
                    Messages.error("proof.code.locked", displayTime.time(check.lockedUntil()));
                }
            }
            default -> Messages.error("proof.code.rejected");
        }
    }

    public RequestOrigin origin() {
        return Origins.of((HttpServletRequest) external.getRequest());
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
