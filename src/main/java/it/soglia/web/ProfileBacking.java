package it.soglia.web;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import it.soglia.oidc.ClientUses;
import it.soglia.oidc.RecentApplication;
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
import java.util.List;

/**
 * {@code /profile} ("Profilo Utente"): the signed-in user's own account, the QR code of the active authenticator
 * (shown only in the answer to the password and a code typed now, {@link SecretProofBacking}; a reload hides it
 * again), and the user's own reset (after a sign-in or a password typed within minutes).
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
    SecretProofBacking proof;

    @Inject
    ExternalContext external;

    @Inject
    ClientUses clientUses;

    private Account account;
    private List<RecentApplication> recentApplications;
    private EnrolmentKey key; // only in the request that carried the proof: this page view, not the session
    private Long recoveryCodesLeft;
    private it.soglia.twofactor.TotpAuthenticator authenticator;

    /** Below this many unused recovery codes the profile warns. */
    static final int FEW_RECOVERY_CODES = 3;

    @PostConstruct
    void load() {
        account = accounts.findByUsername(securityContext.getCallerPrincipal().getName()).orElseThrow();
    }

    public Account getAccount() {
        return account;
    }

    /** The enrolled authenticator app (when it was enrolled, whether its clock drifts); null when none is. */
    public it.soglia.twofactor.TotpAuthenticator getAuthenticator() {
        if (authenticator == null && account.isTwoFactorActive()) {
            authenticator = twoFactor.authenticatorOf(account.getId()).orElse(null);
        }
        return authenticator;
    }

    public boolean isFresh() {
        return stepUp.isFresh();
    }

    /** The active key, when this request brought the proof; else null (the proof form is shown). */
    public EnrolmentKey getKey() {
        return key;
    }

    public boolean isKeyShown() {
        return key != null;
    }

    /**
     * Form {@code stepup}: the password, then the code of the active authenticator typed now. When both are right the
     * key is shown in this answer only (audited and mailed to the owner by {@code TwoFactorService}).
     */
    public void prove() {
        proof.codeAfterRightPassword("profile.key.code-needed").ifPresent(code -> {
            var reveal = twoFactor.revealActiveKey(account.getId(), code, proof.origin());
            if (reveal.isShown()) {
                key = reveal.key();
            } else {
                proof.showRefusal(reveal.check());
            }
        });
    }

    /** The applications the user signed in to through Soglia lately, newest first. */
    public List<RecentApplication> getRecentApplications() {
        if (recentApplications == null) {
            recentApplications = clientUses.recentFor(account.getId());
        }
        return recentApplications;
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
