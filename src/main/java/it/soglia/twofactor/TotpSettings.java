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

    /** Code-step locks in a row, with no right code in between, after which it stays locked (0: no cap). */
    @Inject
    @ConfigProperty(name = "soglia.code.max-lockouts", defaultValue = "10")
    int maxLockouts;

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

    public int maxLockouts() {
        return maxLockouts;
    }

    public Duration lockDuration() {
        return lockDuration;
    }
}
