package it.soglia.urls;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Links that leave the server (in mails) are built from {@code soglia.base-url}, never from the request's Host
 * header, which whoever sends the request chooses.
 */
@ApplicationScoped
public class PublicUrls {

    public static final String KEY = "soglia.base-url";

    @Inject
    @ConfigProperty(name = KEY)
    String baseUrl;

    private String base;

    @PostConstruct
    void validate() {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Soglia cannot start: " + KEY + " is not a URL: " + baseUrl);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException("Soglia cannot start: " + KEY + " must be the public http(s) address of"
                    + " Soglia, such as https://intranet.example.com/soglia; it is: " + baseUrl);
        }
        base = uri.toString().replaceAll("/+$", "");
    }

    /** The landing page of a mailed reset link. */
    public String resetLink(String token) {
        return base + "/reset?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    public String signIn() {
        return base + "/login";
    }

    /** The public address itself, without a trailing slash: the OpenID Connect issuer. */
    public String base() {
        return base;
    }
}
