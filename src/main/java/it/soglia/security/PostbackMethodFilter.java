package it.soglia.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

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
        if (!"POST".equals(request.getMethod()) && carriesViewState(request.getQueryString())) {
            response.setHeader("Allow", "POST");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Only for methods other than POST: their parameters come from the query string. It is read here as text, not
     * through {@code getParameterNames()}: once the container has parsed the parameters, Faces can no longer set the
     * request's character encoding, and Payara logged a warning for every page of a session (and spent the time).
     */
    static boolean carriesViewState(String queryString) {
        if (queryString == null) {
            return false;
        }
        for (String pair : queryString.split("&")) {
            int equals = pair.indexOf('=');
            String name = decoded(equals < 0 ? pair : pair.substring(0, equals));
            if (name.equals(VIEW_STATE) || name.endsWith(":" + VIEW_STATE)) { // namespaced views
                return true;
            }
        }
        return false;
    }

    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) { // "%zz": the container will not read it as a view state either
            return name;
        }
    }
}
