package it.soglia.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application is deployed and its heap is not nearly exhausted: a node past that point is better
 * restarted than left answering slowly. A database or SMTP outage is not a reason to restart (that is readiness).
 * The response says UP or DOWN only: how full the heap is would tell an attacker how well a flood is working.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    static final String NAME = "soglia-live";
    private static final double MAX_HEAP_USED = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        double share = (double) used / runtime.maxMemory();
        return HealthCheckResponse.named(NAME).status(share < MAX_HEAP_USED).build();
    }
}
