package it.soglia.twofactor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code soglia.reset.*}: the mailed reset links, read once with their default here. */
@ApplicationScoped
public class ResetSettings {

    @Inject
    @ConfigProperty(name = "soglia.reset.token-lifetime", defaultValue = "PT30M")
    Duration tokenLifetime;

    /** How long a mailed reset link stays valid. */
    public Duration tokenLifetime() {
        return tokenLifetime;
    }
}
