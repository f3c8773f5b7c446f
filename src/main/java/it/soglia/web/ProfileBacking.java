package it.soglia.web;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import it.soglia.security.Origins;
import it.soglia.twofactor.EnrolmentKey;
import it.soglia.twofactor.ResetCause;
import it.soglia.twofactor.TwoFactorService;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code /profile} ("Profilo Utente"): the signed-in user's own account, the QR code of the active authenticator
 * (shown within minutes of typing the password, else after typing it again), and the user's own reset.
 */
@Named
@RequestScoped
public class ProfileBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    AccountService accounts;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    StepUpBacking stepUp;

    @Inject
    ExternalContext external;

    private Account account;
    private Optional<EnrolmentKey> key;
    private Long recoveryCodesLeft;

    /** Below this many unused recovery codes the profile warns. */
    static final int FEW_RECOVERY_CODES = 3;

    @PostConstruct
    void load() {
        account = accounts.findByUsername(securityContext.getCallerPrincipal().getName()).orElseThrow();
    }

    public Account getAccount() {
        return account;
    }

    public boolean isFresh() {
        return stepUp.isFresh();
    }

    /** The active key, when the sign-in is fresh; read (and audited) once per page view. */
    public EnrolmentKey getKey() {
        if (key == null) {
            key = isFresh() ? twoFactor.activeKey(account.getId(), Origins.of(request())) : Optional.empty();
        }
        return key.orElse(null);
    }

    public long getRecoveryCodesLeft() {
        if (recoveryCodesLeft == null) {
            recoveryCodesLeft = twoFactor.recoveryCodesLeft(account.getId());
        }
        return recoveryCodesLeft;
    }

    public boolean isFewRecoveryCodesLeft() {
        return getRecoveryCodesLeft() < FEW_RECOVERY_CODES;
    }

    public int getRecoveryCodesPerSet() {
        return TwoFactorService.RECOVERY_CODES_PER_SET;
    }

    public String getQrDataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(getKey().qrPng());
    }

    /** The user's own reset: the same as the mailed link's; then signed out, and the next sign-in shows the QR. */
    public void resetTwoFactor() throws ServletException {
        if (!isFresh()) {
            Messages.error("profile.step-up.needed");
            return;
        }
        twoFactor.reset(account.getId(), ResetCause.SELF, account.getUsername(), null, Origins.of(request()));
        request().logout();
        external.invalidateSession();
        Navigation.toLogin(LoginNotice.RESET_DONE);
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) external.getRequest();
    }
}
