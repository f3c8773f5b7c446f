package it.soglia.web;

import it.soglia.audit.RequestOrigin;
import it.soglia.oidc.ReturnToApplication;
import it.soglia.security.Origins;
import it.soglia.twofactor.LimitedResets;
import it.soglia.twofactor.ResetService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * {@code /reset?token=…}, the landing page of the mailed link. Opening it (GET) only shows what will happen: mail
 * scanners and link previews open links too. The button (POST) does the reset. The page keeps nothing on the server
 * (a stateless view, this bean lives for one request): the token travels in the form.
 */
@Named
@RequestScoped
public class ResetBacking {

    @Inject
    LimitedResets resets;

    @Inject
    ReturnToApplication returnToApplication;

    private String token;
    private ResetService.Preview preview;
    private boolean refused;

    /** View action of the GET. Unusable links opened from one address are counted: someone may be guessing. */
    public void load() {
        LimitedResets.LinkCheck check = resets.preview(token, origin());
        preview = check.preview().orElse(null);
        if (check.throttled()) {
            Messages.error("reset.throttled");
        }
    }

    public void confirm() {
        switch (resets.redeem(token, origin())) {
            case DONE -> {
                // An application's sign-in this browser was in the middle of goes on after the reset: its pending
                // request leaves the session with the rest, and comes back through the sign-in page's address.
                Optional<String> application = pendingApplication();
                FacesContext.getCurrentInstance().getExternalContext().invalidateSession(); // whatever this browser
                Navigation.toLogin(LoginNotice.RESET_DONE, application); // was doing belongs to the old second factor
            }
            case THROTTLED -> {
                refused = true;
                Messages.error("reset.throttled");
            }
            case UNUSABLE -> refused = true;
        }
    }

    /** The application's request this browser's session holds; none, and no session made, for a browser without one. */
    private Optional<String> pendingApplication() {
        HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                .getRequest();
        return request.getSession(false) == null ? Optional.empty() : returnToApplication.pending();
    }

    private static RequestOrigin origin() {
        return Origins.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    /**
     * Whether the confirmation form is there: on the GET for a usable link; on its post until the link turned out
     * unusable (the form must be there for Faces to take the button, and nothing was looked up yet).
     */
    public boolean isUsable() {
        return preview != null || (FacesContext.getCurrentInstance().isPostback() && !refused);
    }

    public ResetService.Preview getPreview() {
        return preview;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
