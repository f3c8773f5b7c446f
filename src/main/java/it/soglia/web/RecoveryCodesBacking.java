package it.soglia.web;

import it.soglia.security.IssuedRecoveryCodes;
import it.soglia.security.Origins;
import it.soglia.security.Pages;
import it.soglia.security.SignedInSession;
import it.soglia.twofactor.TwoFactorService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import it.soglia.oidc.ReturnToApplication;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code /recovery-codes}: the recovery codes just issued, shown until the user says they have kept them, with a
 * download; and, from the profile, a new set (the sign-in must be fresh, as for the QR code).
 */
@Named
@RequestScoped
public class RecoveryCodesBacking {

    @Inject
    IssuedRecoveryCodes issued;

    @Inject
    SignedInSession signedIn;

    @Inject
    TwoFactorService twoFactor;

    @Inject
    StepUpBacking stepUp;

    @Inject
    ExternalContext external;

    @Inject
    ReturnToApplication returnToApplication;

    /** View action: nothing to show (already acknowledged, or another account's) → the profile. */
    public void requireIssuedCodes() {
        if (getCodes().isEmpty()) {
            Navigation.redirect(Pages.PROFILE);
        }
    }

    public List<String> getCodes() {
        return issued.of(signedIn.accountId());
    }

    /** The codes as a text file, one per line, to keep somewhere safe. */
    public void download() {
        List<String> codes = getCodes();
        if (codes.isEmpty()) {
            Navigation.redirect(Pages.PROFILE);
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        external.responseReset();
        external.setResponseContentType("text/plain; charset=UTF-8");
        external.setResponseHeader("Content-Disposition", "attachment; filename=\"soglia-recovery-codes.txt\"");
        try {
            external.getResponseOutputStream().write((Messages.text("recovery-codes.file-header") + "\r\n\r\n"
                    + String.join("\r\n", codes) + "\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** "I have kept them": the codes leave the session for good; on to the application that sent the user, if any. */
    public void acknowledge() {
        issued.forget();
        Navigation.redirect(returnToApplication.take().orElse(Pages.PROFILE));
    }

    /** From the profile: a new set voiding the old one, then shown here. */
    public void regenerate() {
        if (!stepUp.isFresh()) {
            Messages.error("profile.step-up.needed");
            return;
        }
        long accountId = signedIn.accountId();
        issued.keep(accountId, twoFactor.regenerateRecoveryCodes(accountId,
                Origins.of((HttpServletRequest) external.getRequest())));
        Navigation.redirect(Pages.RECOVERY_CODES);
    }
}
