package it.soglia.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of one process, read from Linux's {@code /proc}: what the kernel charged to it,
 * every thread included (the JIT and GC threads too, which a sign-in also costs).
 */
final class ProcessMeter {

    /** Clock ticks per second of {@code utime}/{@code stime}: 100 on every Linux of ours ({@code getconf CLK_TCK}). */
    private static final long TICKS_PER_SECOND = Long.getLong("soglia.bench.clockTicks", 100);

    private final long pid;

    ProcessMeter(long pid) {
        this.pid = pid;
    }

    long pid() {
        return pid;
    }

    /** User plus system CPU time so far, in nanoseconds. */
    long cpuNanos() {
        String stat = read("stat");
        // the command name (field 2) may hold spaces: count fields after its closing parenthesis
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    /** Resident set size now, in KiB. */
    long rssKib() {
        return read("status").lines().filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
    }

    private String read(String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/" + pid + "/" + file, e);
        }
    }
}
