package it.soglia.twofactor;

import it.soglia.totp.Totp;
import it.soglia.totp.TotpPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The TOTP policy, issuer name and code lock-out rules, as configured. */
@ApplicationScoped
public class TotpSettings {

    @Inject
    @ConfigProperty(name = "soglia.issuer", defaultValue = "Soglia")
    String issuer;

    @Inject
    @ConfigProperty(name = "soglia.code.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "soglia.code.lock-duration", defaultValue = "PT15M")
    Duration lockDuration;

    @Inject
    Clock clock;

    public Totp totp() {
        return new Totp(TotpPolicy.DEFAULT, clock);
    }

    public String issuer() {
        return issuer;
    }

    public int maxFailures() {
        return maxFailures;
    }

    public Duration lockDuration() {
        return lockDuration;
    }
}
