package it.soglia.web;

import it.soglia.security.Origins;
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


    private String token;
    private ResetService.Preview preview;

    public void load() {
        preview = resets.preview(token).orElse(null);
    }

    public void confirm() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (!resets.redeem(token, Origins.of(request))) {
            preview = null;
            return;
        }
        external.invalidateSession(); // whatever this browser was doing belongs to the old second factor
        Navigation.toLogin(LoginNotice.RESET_DONE);
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
