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
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends a signed-in session whose account was reset, disabled, removed, given a new password or a new role since it
 * signed in, on whichever node it lives: the check reads the account row, which all nodes share. A session also ends
 * {@code soglia.session.max-lifetime} after its sign-in, however active it was: a stolen session cookie is worth a
 * working day at most.
 */
@WebFilter(filterName = "sessionRevocation", urlPatterns = "/*")
public class SessionRevocationFilter extends HttpFilter {

    @Inject
    AccountService accounts;

    @Inject
    SignedInSession signedIn;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "soglia.session.max-lifetime", defaultValue = "PT8H")
    Duration maxLifetime;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        if (caller != null) {
            if (signedIn.hasOutlived(clock.instant(), maxLifetime)) {
                end(request, response, "session-expired"); // LoginNotice's parameters
                return;
            }
            if (!isStillValid()) {
                end(request, response, "session-ended");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void end(HttpServletRequest request, HttpServletResponse response, String notice)
            throws ServletException, IOException {
        request.logout();
        request.getSession().invalidate();
        response.sendRedirect(request.getContextPath() + Pages.LOGIN + "?notice=" + notice);
    }

    private boolean isStillValid() {
        var signedInAt = signedIn.signedInAt();
        return signedInAt != null && accounts.find(signedIn.accountId())
                .map(account -> account.acceptsSessionSignedInAt(signedInAt)).orElse(false);
    }
}
