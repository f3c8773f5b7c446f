package it.soglia.oidc;

import it.soglia.urls.PublicUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The provider's settings ({@code soglia.oidc.*}) and its issuer, {@code soglia.base-url}. */
@ApplicationScoped
public class ProviderSettings {

    /** RFC 9700 and OpenID Connect: an authorization code lives briefly and is redeemed at once by the application. */
    static final Duration CODE_LIFETIME = Duration.ofSeconds(60);

    @Inject
    PublicUrls urls;

    @Inject
    @ConfigProperty(name = "soglia.oidc.token-lifetime", defaultValue = "PT5M")
    Duration tokenLifetime;

    @Inject
    @ConfigProperty(name = "soglia.oidc.sign-in-wait", defaultValue = "PT30M")
    Duration signInWait;

    public String issuer() {
        return urls.base();
    }

    /** How long ID and access tokens are valid (no refresh tokens: the application comes back for a new code). */
    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    /** How long an application's sign-in request waits for the user to sign in (password, code, enrolment). */
    public Duration signInWait() {
        return signInWait;
    }

    public String endpoint(String path) {
        return issuer() + path;
    }
}
