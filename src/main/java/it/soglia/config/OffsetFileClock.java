package it.soglia.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A clock that runs ahead of the system clock by the duration written in a file (ISO-8601, e.g. {@code PT16M}).
 * Only for tests against a running server, which must move time to see a lock end or a state expire; the file is
 * read on every call.
 */
final class OffsetFileClock extends Clock {

    private final Clock base;
    private final Path file;
    private volatile Duration lastOffset = Duration.ZERO;

    OffsetFileClock(Clock base, Path file) {
        this.base = base;
        this.file = file;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(currentOffset());
    }

    /** Read on every call: only tests use this clock, and they must see a new offset at once. */
    private Duration currentOffset() {
        try {
            lastOffset = Files.exists(file) ? Duration.parse(Files.readString(file).strip()) : Duration.ZERO;
        } catch (IOException | RuntimeException e) {
            // a half-written file: keep the last offset
        }
        return lastOffset;
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new OffsetFileClock(base.withZone(zone), file);
    }
}
