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
