package it.soglia.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The CPU time of PostgreSQL, which works in processes of its own (the server, one backend per connection, its
 * background writers): every process whose {@code /proc/<pid>/comm} is {@code postgres}, read as
 * {@link ProcessMeter} reads one. Counts every cluster on the machine: the benchmark expects only the tests' one.
 */
final class PostgresqlProcesses {

    /**
     * User plus system CPU time so far, in nanoseconds, of the processes alive now and of the ended ones they
     * waited for ({@code cutime + cstime}): a backend or autovacuum worker that ends during a level leaves its time
     * in the server's count, instead of taking it out of the sum. A process started meanwhile counts whole.
     */
    long cpuNanos() {
        long ticks = 0;
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.toList()) {
                if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    if ("postgres".equals(Files.readString(process.resolve("comm")).strip())) {
                        ticks += ticksOf(Files.readString(process.resolve("stat")));
                    }
                } catch (IOException ended) {
                    // ended between the listing and the reading: its parent's cutime holds its time now
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ProcessMeter.ticksToNanos(ticks);
    }

    private static long ticksOf(String stat) {
        String[] fields = ProcessMeter.statFields(stat);
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) // utime, stime (fields 14, 15)
                + Long.parseLong(fields[13]) + Long.parseLong(fields[14]); // cutime, cstime (16, 17)
    }
}
