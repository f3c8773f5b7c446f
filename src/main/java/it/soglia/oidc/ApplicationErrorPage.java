package it.soglia.oidc;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;

/**
 * The page shown instead of going back to an application whose request cannot be trusted with a redirect: it says
 * what is wrong in the user's language ({@code application-error.*} in the bundles) and whom to tell.
 */
public final class ApplicationErrorPage {

    static final String VIEW = "/WEB-INF/errorpages/application-error.xhtml";
    /** The request attribute the page reads: the message key of the problem. */
    public static final String PROBLEM = "soglia.applicationProblem";

    /** What is wrong; each has its text {@code application-error.<name in kebab case>}. */
    public enum Problem {
        UNKNOWN_CLIENT, WRONG_REDIRECT_URI, DISABLED_CLIENT, EXPIRED, MALFORMED;

        public String messageKey() {
            return "application-error." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private ApplicationErrorPage() {
    }

    static void show(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        request.setAttribute(PROBLEM, problem.messageKey());
        request.getRequestDispatcher(VIEW).forward(request, response);
    }
}
