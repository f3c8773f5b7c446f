package it.soglia.web;

import it.soglia.security.Origins;
import it.soglia.security.Pages;
import it.soglia.security.SignedInSession;
import it.soglia.twofactor.CodeCheck;
import it.soglia.twofactor.EnrolmentKey;
import it.soglia.twofactor.TwoFactorService;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Base64;

/**
 * {@code /new-authenticator}: a signed-in user links a new authenticator app (a new phone) from the profile. The
 * new key is kept, encrypted, in the session until its first code is right; the old app works until then.
 */
@Named
@SessionScoped
public class NewAuthenticatorBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    SignedInSession signedIn;

    @Inject
    StepUpBacking stepUp;

    @Inject
    ExternalContext external;

    private long accountId;
    private String pendingSecret;
    private String code;

    /** View action: a new key only right after the password (as for the QR code on the profile). */
    public void requireFreshSignIn() {
        if (!stepUp.isFresh()) {
            Messages.error("profile.step-up.needed");
            Messages.keepAcrossRedirect();
            Navigation.redirect(Pages.PROFILE);
        }
    }

    public EnrolmentKey getKey() {
        long account = signedIn.accountId();
        if (pendingSecret == null || accountId != account) {
            accountId = account;
            pendingSecret = twoFactor.newPendingSecret(account);
        }
        return twoFactor.enrolmentKey(account, pendingSecret);
    }

    public String getQrDataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(getKey().qrPng());
    }

    public void submit() {
        String typed = code;
        code = null;
        if (pendingSecret == null || accountId != signedIn.accountId() || !stepUp.isFresh()) {
            requireFreshSignIn();
            return;
        }
        CodeCheck check = twoFactor.replaceAuthenticator(accountId, pendingSecret, typed,
                Origins.of((HttpServletRequest) external.getRequest()));
        switch (check.outcome()) {
            case ACCEPTED -> {
                pendingSecret = null;
                Messages.info("new-authenticator.done");
                Messages.keepAcrossRedirect();
                Navigation.redirect(Pages.PROFILE);
            }
            case MALFORMED -> Messages.error("code.malformed");
            case RESTART -> Navigation.redirect(Pages.PROFILE);
            default -> Messages.error("enroll.rejected");
        }
    }

    /** Gives up: the new key is forgotten, the old app goes on as before. */
    public void cancel() {
        pendingSecret = null;
        Navigation.redirect(Pages.PROFILE);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
