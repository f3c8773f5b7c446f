package it.soglia.oidc;

import com.nimbusds.jwt.JWTClaimsSet;
import it.soglia.audit.AuditLog;
import it.soglia.audit.AuditType;
import it.soglia.security.Origins;
import it.soglia.security.Pages;
import it.soglia.security.SignedInSession;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /end-session}: an application signs its user out of Soglia too (OpenID Connect RP-Initiated Logout). The
 * Soglia session ends only with an {@code id_token_hint} Soglia signed for the user of this session (a link on
 * another site cannot sign anybody out); the browser goes back only to a post-logout URI registered for the
 * application the hint was issued to, otherwise to Soglia's sign-in page.
 */
@WebServlet(urlPatterns = Endpoints.END_SESSION)
public class EndSessionEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Tokens tokens;

    @Inject
    ClientRegistry clients;

    @Inject
    SignedInSession signedIn;

    @Inject
    AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        endSession(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        endSession(request, response);
    }

    private void endSession(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Optional<JWTClaimsSet> hint = tokens.readIdTokenHint(request.getParameter("id_token_hint"));
        Optional<OidcClient> client = hint.map(JWTClaimsSet::getAudience).filter(aud -> aud.size() == 1)
                .map(aud -> aud.get(0)).flatMap(clients::byClientId);
        String named = request.getParameter("client_id");
        if (named != null && client.isPresent() && !client.get().getClientId().equals(named)) {
            client = Optional.empty(); // a hint of one application, a client_id of another: trust neither
        }
        boolean ended = hint.isPresent() && client.isPresent() && endsThisSession(request, hint.get());
        if (ended) {
            audit.record(AuditType.APPLICATION_SIGN_OUT, request.getUserPrincipal().getName(),
                    client.get().getClientId(), Origins.of(request), null);
            request.logout();
            request.getSession().invalidate();
        }
        String back = request.getParameter("post_logout_redirect_uri");
        if (back != null && client.isPresent() && client.get().hasPostLogoutRedirectUri(back)) {
            String state = request.getParameter("state");
            response.sendRedirect(state == null ? back : back + (back.contains("?") ? '&' : '?') + "state="
                    + URLEncoder.encode(state, StandardCharsets.UTF_8));
            return;
        }
        boolean signedInStill = request.getSession(false) != null && request.getUserPrincipal() != null;
        response.sendRedirect(request.getContextPath() + (signedInStill ? Pages.PROFILE
                : Pages.LOGIN + "?notice=signed-out"));
    }

    /** Whether the hint names the user signed in to this session (nobody signed in: nothing to end). */
    private boolean endsThisSession(HttpServletRequest request, JWTClaimsSet hint) {
        HttpSession session = request.getSession(false);
        return session != null && request.getUserPrincipal() != null
                && String.valueOf(signedIn.accountId()).equals(hint.getSubject());
    }
}
