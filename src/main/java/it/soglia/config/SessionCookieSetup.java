package it.soglia.config;

import it.soglia.urls.PublicUrls;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The session: cookie {@code HttpOnly}, and {@code Secure} whenever Soglia is reached over HTTPS
 * ({@code soglia.base-url}), also behind a proxy that ends TLS and forwards plain HTTP, where the container cannot tell
 * by itself; and the idle timeout from {@code soglia.session.timeout}. {@code SameSite=Lax} comes from Payara's HTTP
 * listener ({@code payara-config/preboot.asadmin}): Payara ignores the attribute set through the Servlet API (and
 * writes the listener's twice, payara/Payara#7254; browsers read it the same).
 */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    static final String TIMEOUT_KEY = "soglia.session.timeout";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Config config = ConfigProvider.getConfig();
        boolean https = config.getOptionalValue(PublicUrls.KEY, String.class)
                .map(url -> url.strip().startsWith("https://")).orElse(false);
        var cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(https);
        event.getServletContext().setSessionTimeout(
                timeoutMinutes(config.getOptionalValue(TIMEOUT_KEY, String.class).orElse("PT30M")));
    }

    /** Whole minutes, as the container counts them, rounded up; a malformed value stops the deployment. */
    static int timeoutMinutes(String configured) {
        try {
            Duration timeout = Duration.parse(configured.strip());
            if (timeout.isNegative() || timeout.isZero() || timeout.toDays() > 7) {
                throw new IllegalStateException("Soglia cannot start: " + TIMEOUT_KEY + " must be between PT1M and P7D,"
                        + " not " + configured);
            }
            return (int) Math.max(1, (timeout.toSeconds() + 59) / 60);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("Soglia cannot start: " + TIMEOUT_KEY + " must be an ISO-8601 duration"
                    + " such as PT30M, not " + configured, e);
        }
    }
}
