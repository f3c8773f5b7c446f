package it.soglia.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Headers every page gets. Pages are never stored by the browser or a proxy ({@code no-store}): after sign-out,
 * Back must not show a profile or a QR code from the cache. Static resources keep their normal caching.
 *
 * <p>Downloads (recovery codes, CSV exports) reset the response before writing the file, and a reset clears every
 * header: the response handed down the chain puts these headers back after each reset, so no download can forget
 * them.
 */
@WebFilter(filterName = "securityHeaders", urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    private static final String RESOURCES = "/jakarta.faces.resource/";
    static final String BASE_POLICY = "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        applyHeaders(request, response);
        chain.doFilter(request, new HeadersKeptOnReset(request, response));
    }

    private static void applyHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // Every response, also redirects, downloads and error answers. Faces pages get a second, stricter policy
        // from PrimeFaces (web.xml, primefaces.CSP_POLICY) with the scripts' nonce; a browser enforces both.
        response.setHeader("Content-Security-Policy", BASE_POLICY);
        // The reset pages carry a token in their URL: no Referer may take it anywhere.
        response.setHeader("Referrer-Policy", isTokenPage(request) ? "no-referrer" : "same-origin");
        if (request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"))) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        if (!request.getServletPath().startsWith(RESOURCES)) {
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("Pragma", "no-cache");
        }
    }

    private static boolean isTokenPage(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.equals(Pages.RESET) || path.equals(Pages.LOST_CODE);
    }

    /**
     * {@code reset()} (Faces' {@code ExternalContext.responseReset()}) empties the headers too: these are set again at
     * once. A page's own policy (PrimeFaces' nonce policy) is not restored: after a reset the answer is no longer
     * that page.
     */
    private static final class HeadersKeptOnReset extends HttpServletResponseWrapper {

        private final HttpServletRequest request;

        HeadersKeptOnReset(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void reset() {
            super.reset();
            applyHeaders(request, this);
        }
    }
}
