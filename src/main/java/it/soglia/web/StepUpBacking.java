package it.soglia.web;

import it.soglia.account.PasswordCheck;
import it.soglia.audit.RequestOrigin;
import it.soglia.security.Origins;
import it.soglia.security.SignedInSession;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import java.util.Map;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The password typed again (form {@code stepup}) before sensitive things: the own reset, new recovery codes and
 * every admin action. Fresh for a few minutes after the sign-in or the last step-up. (The profile's QR code and a new
 * authenticator need more, a code typed now as well: {@link SecretProofBacking}.)
 */
@Named
@RequestScoped
public class StepUpBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    PasswordCheck passwordCheck;

    @Inject
    SignedInSession signedIn;

    @Inject
    ExternalContext external;

    @Inject
    Clock clock;

    @Inject
    PasswordReentryThrottle reentryThrottle;

    @Inject
    @ConfigProperty(name = "soglia.profile.fresh-sign-in", defaultValue = "PT10M")
    Duration freshWindow;

    private String password;

    public boolean isFresh() {
        return signedIn.isFresh(clock.instant(), freshWindow);
    }

    /**
     * On success, back to the same page (same view parameters) with its sensitive parts shown. Wrong passwords count
     * with the sign-in's ({@link PasswordReentryThrottle}).
     */
    public void submit() throws IOException {
        String typed = password;
        password = null;
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        RequestOrigin origin = Origins.of(request);
        String username = securityContext.getCallerPrincipal().getName();
        if (!reentryThrottle.admit(username)) {
            return;
        }
        if (passwordCheck.verify(username, typed, PasswordCheck.Purpose.STEP_UP, origin).isRight()) {
            reentryThrottle.passwordWasRight(username);
            signedIn.recordPasswordConfirmed(clock.instant());
            FacesContext faces = FacesContext.getCurrentInstance();
            String viewId = faces.getViewRoot().getViewId(); // with its view parameters (the admin page's username)
            external.redirect(faces.getApplication().getViewHandler().getBookmarkableURL(faces, viewId, Map.of(), true));
        } else {
            reentryThrottle.passwordWasWrong(username, origin);
            Messages.error("profile.step-up.failed");
        }
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
