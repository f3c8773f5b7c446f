package it.soglia.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waiting for something the tests cannot be told about (a row the server's timer deletes, a port a started process
 * opens): the condition is asked again every {@code interval} until it holds or {@code timeout} has passed. The
 * caller says what failing to get there means.
 */
public final class Poll {

    private Poll() {
    }

    /** True as soon as {@code reached} says so; false once {@code timeout} has passed without it. */
    public static boolean until(Duration timeout, Duration interval, BooleanSupplier reached) {
        Instant deadline = Instant.now().plus(timeout);
        while (!reached.getAsBoolean()) {
            if (!Instant.now().isBefore(deadline)) {
                return false;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        }
        return true;
    }
}
