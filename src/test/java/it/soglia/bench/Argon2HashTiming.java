package it.soglia.bench;

import it.soglia.account.Argon2Parameters;
import it.soglia.account.Argon2PasswordHasher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The microbenchmark of one password check at Soglia's configured Argon2id parameters, run by
 * {@link HashMicrobenchmark} in a JVM of its own (nothing else warmed up or allocated in it). Checks a right
 * password, as a sign-in does: {@code matches} derives one full hash. Warm-up first (the JIT compiles Blake2b and the
 * memory filling), then each check is timed alone, by the wall clock and by the thread's CPU clock; then
 * {@code threads} threads check at once, to see how the hash scales over the cores.
 *
 * <p>Arguments: measured checks, threads for the parallel round. Prints one {@code RESULT} line for the caller.
 */
public final class Argon2HashTiming {

    private static final String PASSWORD = "bench-user-password-2026";
    private static final int WARMUP_CHECKS = 30;

    public static void main(String[] args) throws Exception {
        int checks = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(Argon2Parameters.DEFAULT, new SecureRandom());
        String stored = hasher.hash(PASSWORD);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();

        for (int i = 0; i < WARMUP_CHECKS; i++) {
            check(hasher, stored);
        }
        long[] wall = new long[checks];
        long[] cpuTime = new long[checks];
        var allocation = (com.sun.management.ThreadMXBean) cpu;
        long allocated0 = allocation.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < checks; i++) {
            long cpu0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            check(hasher, stored);
            wall[i] = System.nanoTime() - t0;
            cpuTime[i] = cpu.getCurrentThreadCpuTime() - cpu0;
        }
        long allocatedPerCheck = (allocation.getCurrentThreadAllocatedBytes() - allocated0) / checks;
        double parallelPerSecond = parallelChecksPerSecond(hasher, stored, threads, checks);

        Arrays.sort(wall);
        System.out.printf(java.util.Locale.ROOT, "RESULT wallMedianMs=%.3f wallMeanMs=%.3f wallP10Ms=%.3f"
                        + " wallP90Ms=%.3f"
                        + " cpuMeanMs=%.3f parallelPerSecond=%.2f checks=%d threads=%d allocatedKiB=%d%n",
                wall[checks / 2] / 1e6, Arrays.stream(wall).average().orElse(0) / 1e6, wall[checks / 10] / 1e6,
                wall[checks * 9 / 10] / 1e6, Arrays.stream(cpuTime).average().orElse(0) / 1e6, parallelPerSecond,
                checks, threads, allocatedPerCheck / 1024);
    }

    /** Checks per second with {@code threads} threads checking at once, {@code checks} each. */
    private static double parallelChecksPerSecond(Argon2PasswordHasher hasher, String stored, int threads, int checks)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < checks; i++) {
                        check(hasher, stored);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return (double) threads * checks / ((System.nanoTime() - t0) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** The result is used, so the JIT cannot drop the work. */
    private static void check(Argon2PasswordHasher hasher, String stored) {
        if (!hasher.matches(PASSWORD, stored)) {
            throw new IllegalStateException("the password did not match its own hash");
        }
    }
}
