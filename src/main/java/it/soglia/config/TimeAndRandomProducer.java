package it.soglia.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one clock and the one random source everything that depends on time or chance is given. */
@ApplicationScoped
public class TimeAndRandomProducer {

    private static final Logger LOG = Logger.getLogger(TimeAndRandomProducer.class.getName());

    @Inject
    @ConfigProperty(name = "soglia.testing.clock-offset-file")
    Optional<String> clockOffsetFile;

    private Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Produces
    @ApplicationScoped
    Clock clock() {
        if (clock == null) {
            clock = clockOffsetFile
                    .map(file -> {
                        LOG.warning("soglia.testing.clock-offset-file is set: the clock can be moved by whoever writes "
                                + file + ". Never set it outside tests.");
                        return (Clock) new OffsetFileClock(Clock.systemUTC(), Path.of(file));
                    })
                    .orElseGet(Clock::systemUTC);
        }
        return clock;
    }

    @Produces
    SecureRandom secureRandom() {
        return random; // SecureRandom is thread-safe; one instance, seeded once
    }
}
