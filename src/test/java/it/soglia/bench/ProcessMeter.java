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
        return cpuNanosOf(read("stat"));
    }

    private static long cpuNanosOf(String stat) {
        String[] fields = statFields(stat);
        return ticksToNanos(Long.parseLong(fields[11]) + Long.parseLong(fields[12])); // utime, stime (fields 14, 15)
    }

    /**
     * The fields of a {@code /proc/<pid>/stat} line after the command name: index 0 is the state (field 3), so
     * field n of proc(5) is at n - 3. The command name (field 2) may hold spaces: fields are counted after its ')'.
     */
    static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    static long ticksToNanos(long ticks) {
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    /**
     * CPU time so far per kind of thread, in nanoseconds: requests (Grizzly's HTTP workers), the JIT compilers, the
     * garbage collector, and the rest. Threads are told apart by the name the kernel keeps ({@code task/<tid>/comm}).
     */
    java.util.Map<String, Long> cpuNanosByThreadKind() {
        java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    byKind.merge(kindOf(name), cpuNanosOf(Files.readString(task.resolve("stat"))), Long::sum);
                } catch (IOException ended) {
                    // the thread ended meanwhile: its time is gone from the process's per-thread view
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byKind;
    }

    private static String kindOf(String threadName) {
        if (threadName.startsWith("http-thread-poo")) {
            return "requests";
        }
        if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
            return "JIT";
        }
        if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ")) {
            return "GC";
        }
        return "other";
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
