package it.soglia.security;

import it.soglia.account.AccountService;
import it.soglia.directory.DirectorySessions;
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
 * signed in, on whichever node it lives: the check reads the account row, which all nodes share. A directory user's
 * session also asks the directory, at most every {@code soglia.ldap.session-check-interval}, whether the user is
 * still there and enabled ({@link DirectorySessions}). A session also ends
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
    DirectorySessions directorySessions;

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
            if (!isStillValid(request)) {
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

    private boolean isStillValid(HttpServletRequest request) {
        var signedInAt = signedIn.signedInAt();
        var account = signedInAt == null ? null : accounts.find(signedIn.accountId()).orElse(null);
        if (account == null || !account.acceptsSessionSignedInAt(signedInAt)) {
            return false;
        }
        if (account.isFromDirectory() && directorySessions.isDue(signedIn.directoryCheckedAt(), clock.instant())) {
            switch (directorySessions.check(account, Origins.of(request))) {
                case GONE -> {
                    return false;
                }
                case ACTIVE -> signedIn.directoryChecked(clock.instant());
                default -> { } // the directory did not answer: asked again at the next request
            }
        }
        return true;
    }
}
