package it.soglia.web;

import it.soglia.security.Pages;
import it.soglia.security.SignedInSession;
import it.soglia.twofactor.CodeCheck;
import it.soglia.twofactor.EnrolmentKey;
import it.soglia.twofactor.TwoFactorService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Base64;

/**
 * {@code /new-authenticator}: a signed-in user links a new authenticator app (a new phone) from the profile. First
 * the proof typed now (form {@code stepup}: the password and the current code of the active app,
 * {@link SecretProofBacking}); only then a new key is made, kept encrypted in this page view until its first code
 * is right (form {@code newAuthenticator}). Another visit of the page, by this session or by whoever copied its
 * cookie, starts again from the proof. The old app works until the new one is confirmed.
 */
@Named
@ViewScoped
public class NewAuthenticatorBacking implements Serializable {

    private static final long serialVersionUID = 2L;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    SignedInSession signedIn;

    @Inject
    SecretProofBacking proof;

    private long accountId;
    private String pendingSecret; // made only after the proof; lives as long as this page view
    private String code;

    /** Whether this page view brought the proof, and so shows a new key. */
    public boolean isProven() {
        return pendingSecret != null && accountId == signedIn.accountId();
    }

    /** Form {@code stepup}: when the password and the active app's code are right, a new key for this view. */
    public void prove() {
        proof.codeAfterRightPassword("new-authenticator.code-needed").ifPresent(typed -> {
            long account = signedIn.accountId();
            CodeCheck check = twoFactor.proveForNewAuthenticator(account, typed, proof.origin());
            if (check.isAccepted()) {
                accountId = account;
                pendingSecret = twoFactor.newPendingSecret(account);
            } else {
                proof.showRefusal(check);
            }
        });
    }

    public EnrolmentKey getKey() {
        return isProven() ? twoFactor.enrolmentKey(accountId, pendingSecret) : null;
    }

    public String getQrDataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(getKey().qrPng());
    }

    /** Form {@code newAuthenticator}: the new app's first code makes it the account's. */
    public void submit() {
        String typed = code;
        code = null;
        if (!isProven()) {
            Messages.error("new-authenticator.proof-needed");
            return;
        }
        CodeCheck check = twoFactor.replaceAuthenticator(accountId, pendingSecret, typed, proof.origin());
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
