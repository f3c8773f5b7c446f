package it.soglia.rp;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's signed-in page: who the ID token says the user is, and what the groups Soglia sent allow.
 * Each load is numbered, so a test can tell a new load from the page it already had.
 */
@WebServlet("/welcome")
@ServletSecurity(@HttpConstraint(rolesAllowed = "USER"))
public class WelcomeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final AtomicLong LOADS = new AtomicLong();

    @Inject
    OpenIdContext openId;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = openId.getClaims().getStringClaim("name").orElse("");
        Pages.write(response, "Welcome", "<dl>"
                + "<dt>Name</dt><dd id=\"display-name\">" + Pages.escape(name) + "</dd>"
                + "<dt>Caller</dt><dd id=\"caller\">" + Pages.escape(request.getUserPrincipal().getName()) + "</dd>"
                + "<dt>Subject</dt><dd id=\"subject\">" + Pages.escape(openId.getSubject()) + "</dd>"
                + "<dt>User</dt><dd id=\"is-user\">" + request.isUserInRole("USER") + "</dd>"
                + "<dt>Administrator</dt><dd id=\"is-admin\">" + request.isUserInRole("ADMIN") + "</dd>"
                + "<dt>Load</dt><dd id=\"load\">" + LOADS.incrementAndGet() + "</dd>"
                + "</dl><form method=\"post\" action=\"sign-out\"><button id=\"sign-out\" type=\"submit\">Sign out"
                + "</button></form>");
    }
}
