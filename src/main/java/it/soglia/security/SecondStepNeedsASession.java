package it.soglia.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The pages after the password ({@code /code}, {@code /enroll}, a recovery code, the new password) continue a
 * sign-in that lives in the session: reached without one, there is nothing to continue, so the browser goes to
 * {@code /login} before Faces builds the page. Built, the page would make a session of its own (its view state and
 * PrimeFaces' nonce live there) for a visitor who never typed a right password.
 */
@WebFilter(filterName = "secondStepNeedsASession", urlPatterns = {Pages.CODE, Pages.ENROLL, Pages.RECOVERY_CODE,
        Pages.CHANGE_PASSWORD}) // /recovery-codes is for signed-in sessions only: the container already sends it away
public class SecondStepNeedsASession extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getSession(false) == null) {
            // a form posted from a page whose session is gone says so, as an expired view does; a visit just goes
            String notice = "POST".equals(request.getMethod()) ? "?notice=view-expired" : "";
            response.setStatus(HttpServletResponse.SC_SEE_OTHER);
            response.setHeader("Location", request.getContextPath() + Pages.LOGIN + notice);
            return;
        }
        chain.doFilter(request, response);
    }
}
