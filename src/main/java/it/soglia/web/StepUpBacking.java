package it.soglia.web;

import it.soglia.account.Account;
import it.soglia.account.AccountService;
import it.soglia.audit.RequestOrigin;
import it.soglia.security.Origins;
import it.soglia.security.SignedInSession;
import it.soglia.throttle.ThrottleRule;
import it.soglia.throttle.ThrottleSettings;
import it.soglia.throttle.Throttling;
import it.soglia.twofactor.ResetService;
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
 * The password typed again (form {@code stepup}) before sensitive things: the profile's QR code, the own reset and
 * every admin action. Fresh for a few minutes after the sign-in or the last step-up.
 */
@Named
@RequestScoped
public class StepUpBacking {

    @Inject
    SecurityContext securityContext;

    @Inject
    AccountService accounts;

    @Inject
    SignedInSession signedIn;

    @Inject
    ExternalContext external;

    @Inject
    Clock clock;

    @Inject
    Throttling throttling;

    @Inject
    ThrottleSettings throttleSettings;

    @Inject
    ResetService resets;

    @Inject
    @ConfigProperty(name = "soglia.profile.fresh-sign-in", defaultValue = "PT10M")
    Duration freshWindow;

    private String password;

    public boolean isFresh() {
        return signedIn.isFresh(clock.instant(), freshWindow);
    }

    /**
     * On success, back to the same page (same view parameters) with its sensitive parts shown. Wrong passwords count
     * with the sign-in's counter for the username (a session left open is no place to guess it): past the free ones
     * the password is not even checked until the wait is over, and the lock after too many is the sign-in's too.
     */
    public void submit() throws IOException {
        String typed = password;
        password = null;
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        RequestOrigin origin = Origins.of(request);
        String username = securityContext.getCallerPrincipal().getName();
        String key = Account.keyOf(username);
        var attempt = throttling.attempt(ThrottleRule.PASSWORD_BY_USERNAME, key);
        if (attempt.block().isPresent()) {
            showBlock(attempt.block().get());
            return;
        }
        if (accounts.confirmPassword(username, typed, origin)) {
            throttling.clear(ThrottleRule.PASSWORD_BY_USERNAME, key);
            signedIn.recordPasswordConfirmed(clock.instant());
            FacesContext faces = FacesContext.getCurrentInstance();
            String viewId = faces.getViewRoot().getViewId(); // with its view parameters (the admin page's username)
            external.redirect(faces.getApplication().getViewHandler().getBookmarkableURL(faces, viewId, Map.of(), true));
        } else {
            if (attempt.count() == throttleSettings.passwordLockAfter()) {
                resets.afterPasswordLock(key, origin); // the owner is mailed the unlocking link, as at the sign-in
            }
            Messages.error("profile.step-up.failed");
        }
    }

    private void showBlock(Throttling.Block block) {
        if (block.locked()) {
            Messages.error("profile.step-up.locked");
        } else { // whole seconds, rounded up: "wait 0 seconds" would invite a refused attempt
            long millis = Duration.between(clock.instant(), block.until()).toMillis();
            Messages.error("profile.step-up.throttled", Math.max(1, (millis + 999) / 1000));
        }
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
