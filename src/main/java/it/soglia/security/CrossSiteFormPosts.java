package it.soglia.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses forms of the public pages and of the code prompt posted from another site. Those pages keep no state on
 * the server (stateless Faces views, web/StatelessViews: an anonymous visitor costs no session, a signed-in session
 * keeps no code prompt), so their view state no longer ties a post to a page this browser was given. A browser says
 * where a post comes from: {@code Origin} (every current browser on every POST), else {@code Sec-Fetch-Site}. A post
 * is taken when its {@code Origin} names this server (the Host it was sent to, or the public address
 * {@code soglia.base-url}); when the origin is absent or opaque ({@code null}), when {@code Sec-Fetch-Site} says
 * {@code same-origin} or nothing at all (not a browser, so nobody's session is being ridden). Any other origin, and
 * {@code cross-site} or {@code same-site}, is refused. The refused browser lands on the sign-in page with the notice
 * of an expired page, as a foreign post of a stateful page does, and nothing of the post is read.
 */
@WebFilter(filterName = "crossSiteFormPosts", urlPatterns = {Pages.LOGIN, Pages.CODE, Pages.LOST_CODE, Pages.RESET})
public class CrossSiteFormPosts extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && !isFromThisSite(request.getHeader("Origin"),
                request.getHeader("Sec-Fetch-Site"), request.getHeader("Host"), PublicOrigin.VALUE)) {
            response.setStatus(HttpServletResponse.SC_SEE_OTHER); // the browser follows with a GET
            response.setHeader("Location", request.getContextPath() + Pages.LOGIN + "?notice=view-expired");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isFromThisSite(String origin, String fetchSite, String host, Optional<String> publicOrigin) {
        // "null": an opaque origin, which is also what a browser sends from a page of ours with Referrer-Policy
        // no-referrer (/lost-code, /reset): then Sec-Fetch-Site, which that policy does not hide, decides.
        if (origin != null && !origin.strip().equals("null")) {
            String named = origin.strip().toLowerCase(Locale.ROOT);
            return publicOrigin.map(named::equals).orElse(false) || (host != null && named.equals("http://"
                    + host.strip().toLowerCase(Locale.ROOT))) || (host != null && named.equals("https://"
                    + host.strip().toLowerCase(Locale.ROOT)));
        }
        // No Sec-Fetch-Site either: an old browser or not a browser. "none" is a user's own navigation.
        return fetchSite == null || fetchSite.equalsIgnoreCase("same-origin") || fetchSite.equalsIgnoreCase("none");
    }

    /** {@code scheme://host[:port]} of {@code soglia.base-url}, read once. */
    private static final class PublicOrigin {
        static final Optional<String> VALUE = ConfigProvider.getConfig().getOptionalValue("soglia.base-url", String.class)
                .map(String::strip).map(PublicOrigin::originOf);

        private static String originOf(String url) {
            try {
                URI uri = URI.create(url);
                String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
                return (uri.getScheme() + "://" + uri.getHost() + port).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException malformed) { // PublicUrls stops the deployment for it anyway
                return null;
            }
        }
    }
}
