package it.soglia.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;

/**
 * Refuses a Faces postback that does not come as a POST. Faces treats any request carrying a
 * {@code jakarta.faces.ViewState} parameter as a form submission and runs the pressed button's action, also on a GET:
 * a link such as {@code /admin/user?username=…&jakarta.faces.ViewState=…&user:disable=} would then disable an account
 * when an admin opens it, and a GET travels where a POST does not (a cross-site link keeps the SameSite=Lax cookie;
 * the URL lands in logs and the history). Plain GET navigation, which carries no view state, is untouched.
 */
@WebFilter(filterName = "postbackMethod", urlPatterns = "/*")
public class PostbackMethodFilter extends HttpFilter {

    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) && carriesViewState(request)) {
            response.setHeader("Allow", "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Only for methods other than POST: their parameters come from the query string (no body is read here). */
    private static boolean carriesViewState(HttpServletRequest request) {
        return Collections.list(request.getParameterNames()).stream()
                .anyMatch(name -> name.equals(VIEW_STATE) || name.endsWith(":" + VIEW_STATE)); // namespaced views
    }
}
