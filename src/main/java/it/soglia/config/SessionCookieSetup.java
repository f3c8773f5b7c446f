package it.soglia.config;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session cookie is {@code Secure} whenever Soglia is reached over HTTPS ({@code soglia.base-url}), also behind
 * a proxy that ends TLS and forwards plain HTTP, where the container cannot tell by itself.
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        boolean https = ConfigProvider.getConfig().getOptionalValue(PublicUrls.KEY, String.class)
                .map(url -> url.strip().startsWith("https://")).orElse(false);
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(https);
        cookie.setAttribute("SameSite", "Lax");
    }
}
