package it.soglia.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code soglia.signin.*}: the sign-in's own timing, read once with its default here. */
@ApplicationScoped
public class SignInSettings {

    @Inject
    @ConfigProperty(name = "soglia.signin.pending-timeout", defaultValue = "PT5M")
    Duration pendingTimeout;

    /** How long "password verified, code pending" lasts. */
    public Duration pendingTimeout() {
        return pendingTimeout;
    }
}
