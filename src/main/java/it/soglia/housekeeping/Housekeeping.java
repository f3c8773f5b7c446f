package it.soglia.housekeeping;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs every {@link Purge} every {@code soglia.housekeeping.interval} (first a minute after start-up, or sooner with a
 * shorter interval), on every node: the deletes are safe side by side, so no node needs electing. A timer made here
 * rather than a {@code @Schedule}, so that the interval is a setting (the tests run it every second). Not persistent:
 * a run missed while the node was down is simply the next one.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each batch commits on its own (Purge.deleteSome)
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    /** Rows per statement: a first run on a table of a million rows takes many short transactions, not one long. */
    static final int BATCH = 1000;

    /** Not during the deployment itself, when the node has better things to do. */
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    @Resource
    TimerService timers;

    @Inject
    @Any
    Instance<Purge> purges;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "soglia.housekeeping.interval", defaultValue = "PT1H")
    Duration interval;

    @PostConstruct
    void schedule() {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("Soglia cannot start: soglia.housekeeping.interval must be a positive"
                    + " ISO-8601 duration such as PT1H; it is: " + interval);
        }
        purges.forEach(Purge::rows); // made now: a setting a purge cannot read stops the deployment, not a later run
        long first = Math.min(interval.toMillis(), FIRST_RUN_AFTER.toMillis());
        timers.createIntervalTimer(first, interval.toMillis(), new TimerConfig("soglia-housekeeping", false));
    }

    @Timeout
    void run() {
        Instant now = clock.instant();
        List<String> deleted = new ArrayList<>();
        for (Purge purge : purges) {
            long count = deleteAll(purge, now);
            if (count > 0) {
                deleted.add(count + " " + purge.rows());
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("Housekeeping deleted " + String.join(", ", deleted));
        }
    }

    private static long deleteAll(Purge purge, Instant now) {
        long total = 0;
        try {
            int batch;
            do {
                batch = purge.deleteSome(now, BATCH);
                total += batch;
            } while (batch == BATCH);
        } catch (RuntimeException e) { // the others still run; this one is tried again at the next run
            LOG.log(Level.WARNING, "Housekeeping could not delete " + purge.rows() + " (" + total + " deleted)", e);
        }
        return total;
    }
}
