package it.soglia.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Moves the running server's clock: Soglia started with {@code soglia.testing.clock-offset-file} reads the offset
 * from this file on every call. Tests compute codes at {@link #now()}, the server's time.
 */
public final class TestClock {

    private final Path file;
    private Duration offset = Duration.ZERO;

    public TestClock(Path file) {
        this.file = file;
        write();
    }

    public Path file() {
        return file;
    }

    public synchronized Instant now() {
        return Instant.now().plus(offset);
    }

    public synchronized void advance(Duration duration) {
        offset = offset.plus(duration);
        write();
    }

    /**
     * Puts the server's clock back on real time until the returned handle is closed, then where the other tests had
     * moved it. For a test with an application whose own clock is the real one and that allows little difference:
     * Jakarta Security's OpenID Connect mechanism refuses an ID token issued more than a minute in its future, and
     * the tests before may have moved Soglia's clock hours ahead.
     */
    public synchronized RealTime realTime() {
        Duration moved = offset;
        offset = Duration.ZERO;
        write();
        return () -> {
            synchronized (this) {
                offset = moved;
                write();
            }
        };
    }

    /** Ends {@link #realTime()}. */
    public interface RealTime extends AutoCloseable {
        @Override
        void close();
    }

    private void write() {
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, offset.toString());
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
