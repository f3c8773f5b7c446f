package it.soglia.web;

import it.soglia.audit.RequestOrigin;
import it.soglia.security.Origins;
import it.soglia.twofactor.LimitedResets;
import it.soglia.twofactor.ResetService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

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
                FacesContext.getCurrentInstance().getExternalContext().invalidateSession(); // whatever this browser
                Navigation.toLogin(LoginNotice.RESET_DONE); // was doing belongs to the old second factor
            }
            case THROTTLED -> {
                refused = true;
                Messages.error("reset.throttled");
            }
            case UNUSABLE -> refused = true;
        }
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
