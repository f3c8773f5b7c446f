package it.soglia.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** The sign-out button of the layout ({@code #logout}): ends the container login and the whole session. */
@Named
@RequestScoped
public class LogoutBacking {

    @Inject
    ExternalContext external;

    public void logout() throws ServletException {
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        Navigation.toLogin(LoginNotice.SIGNED_OUT);
    }
}
