package it.soglia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine a run happened on, as BENCHMARKS.md records it, and how busy it was. */
record Machine(int cores, String cpuModel, long memoryMib, String jdk, String loadAverage) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemoryMib(),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
                loadAverageNow());
    }

    /** The 1, 5 and 15-minute load averages now (other work on a shared machine shows here). */
    static String loadAverageNow() {
        String[] parts = read("/proc/loadavg").split(" ");
        return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "?";
    }

    private static String readCpuModel() {
        return read("/proc/cpuinfo").lines().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("?");
    }

    private static long readMemoryMib() {
        return read("/proc/meminfo").lines().filter(line -> line.startsWith("MemTotal:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(-1);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return String.format("%d cores (%s), %,d MiB RAM, %s, load average %s", cores, cpuModel, memoryMib, jdk,
                loadAverage);
    }
}
