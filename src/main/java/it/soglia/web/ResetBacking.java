package it.soglia.web;

import it.soglia.audit.RequestOrigin;
import it.soglia.security.Origins;
import it.soglia.throttle.ThrottleRule;
import it.soglia.throttle.Throttling;
import it.soglia.twofactor.ResetService;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.faces.view.ViewScoped;
import java.io.Serializable;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code /reset?token=…}, the landing page of the mailed link. Opening it (GET) only shows what will happen: mail
 * scanners and link previews open links too. The button (POST) does the reset.
 */
@Named
@ViewScoped // the confirmation form must still be there when its button is posted
public class ResetBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ResetService resets;

    @Inject
    Throttling throttling;


    private String token;
    private ResetService.Preview preview;

    /** Unusable links opened or confirmed from one address are counted: someone may be guessing tokens. */
    public void load() {
        String ip = origin().ip();
        if (isThrottled(ip)) {
            return;
        }
        preview = resets.preview(token).orElse(null);
        if (preview == null) {
            throttling.count(ThrottleRule.RESET_BY_IP, ip);
        }
    }

    public void confirm() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        RequestOrigin origin = origin();
        if (isThrottled(origin.ip())) {
            return;
        }
        if (!resets.redeem(token, origin)) {
            throttling.count(ThrottleRule.RESET_BY_IP, origin.ip());
            preview = null;
            return;
        }
        external.invalidateSession(); // whatever this browser was doing belongs to the old second factor
        Navigation.toLogin(LoginNotice.RESET_DONE);
    }

    private boolean isThrottled(String ip) {
        if (throttling.blocked(ThrottleRule.RESET_BY_IP, ip).isEmpty()) {
            return false;
        }
        preview = null;
        Messages.error("reset.throttled");
        return true;
    }

    private static RequestOrigin origin() {
        return Origins.of((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest());
    }

    public boolean isUsable() {
        return preview != null;
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
