package it.soglia.throttle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The policies, from configuration. Defaults: three free wrong passwords per username, then 1 s, 2 s, 4 s ... up to
 * a minute, and a lock after 100 in a row (NIST SP 800-63B 5.2.2); twenty per address, forgotten after 15 quiet
 * minutes (an office behind one address must not lock itself out); ten lost-code requests and ten unusable reset
 * links per address per hour.
 */
@ApplicationScoped
public class ThrottleSettings {

    @Inject
    @ConfigProperty(name = "soglia.throttle.password.free-attempts", defaultValue = "3")
    int passwordFreeAttempts;

    @Inject
    @ConfigProperty(name = "soglia.throttle.password.lock-after", defaultValue = "100")
    int passwordLockAfter;

    @Inject
    @ConfigProperty(name = "soglia.throttle.ip.free-attempts", defaultValue = "20")
    int ipFreeAttempts;

    @Inject
    @ConfigProperty(name = "soglia.throttle.max-delay", defaultValue = "PT1M")
    Duration maxDelay;

    ThrottlePolicy policy(ThrottleRule rule) {
        return switch (rule) {
            case PASSWORD_BY_USERNAME -> new ThrottlePolicy(passwordFreeAttempts, maxDelay, passwordLockAfter, null);
            case PASSWORD_BY_IP -> new ThrottlePolicy(ipFreeAttempts, maxDelay, 0, Duration.ofMinutes(15));
            case LOST_CODE_BY_IP, RESET_BY_IP -> new ThrottlePolicy(10, Duration.ofMinutes(15), 0, Duration.ofHours(1));
        };
    }

    public int passwordLockAfter() {
        return passwordLockAfter;
    }
}
