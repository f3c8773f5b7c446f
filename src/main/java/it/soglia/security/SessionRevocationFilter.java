package it.soglia.security;

import it.soglia.account.AccountService;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * Ends a signed-in session whose account was reset, disabled, removed or given a new password since it signed in,
 * on whichever node it lives: the check reads the account row, which all nodes share.
 */
@WebFilter(filterName = "sessionRevocation", urlPatterns = "/*")
public class SessionRevocationFilter extends HttpFilter {

    @Inject
    AccountService accounts;

    @Inject
    SignedInSession signedIn;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        if (caller != null && !isStillValid()) {
            request.logout();
            request.getSession().invalidate();
            response.sendRedirect(request.getContextPath() + Pages.LOGIN + "?notice=session-ended");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean isStillValid() {
        var signedInAt = signedIn.signedInAt();
        return signedInAt != null && accounts.find(signedIn.accountId())
                .map(account -> account.acceptsSessionSignedInAt(signedInAt)).orElse(false);
    }
}
