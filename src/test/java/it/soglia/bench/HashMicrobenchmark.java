package it.soglia.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link Argon2HashTiming} in a fresh JVM (the same java and class path as this one) and reads its figures:
 * the time of one hash sets the limit a sign-in cannot beat.
 */
final class HashMicrobenchmark {

    /** What one hash costs here, alone and with every core hashing. */
    record HashCost(double wallMedianMs, double wallMeanMs, double wallP10Ms, double wallP90Ms, double cpuMeanMs,
                    double parallelPerSecond, int checks, int threads, long allocatedKiB) {

        /** Sign-ins per second the hash alone allows: every core doing nothing but hashing. */
        double limitPerSecond(int cores) {
            return cores * 1000.0 / wallMedianMs;
        }
    }

    private HashMicrobenchmark() {
    }

    static HashCost measure(int checks, int threads) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                Argon2HashTiming.class.getName(), Integer.toString(checks), Integer.toString(threads))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("the hash microbenchmark failed:\n" + output);
        }
        String result = output.lines().filter(line -> line.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no RESULT from the hash microbenchmark:\n" + output));
        Map<String, String> values = new HashMap<>();
        for (String pair : List.of(result.substring("RESULT ".length()).split(" "))) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], kv[1]);
        }
        return new HashCost(d(values, "wallMedianMs"), d(values, "wallMeanMs"), d(values, "wallP10Ms"),
                d(values, "wallP90Ms"), d(values, "cpuMeanMs"), d(values, "parallelPerSecond"),
                Integer.parseInt(values.get("checks")), Integer.parseInt(values.get("threads")),
                Long.parseLong(values.get("allocatedKiB")));
    }

    private static double d(Map<String, String> values, String key) {
        return Double.parseDouble(values.get(key));
    }
}
