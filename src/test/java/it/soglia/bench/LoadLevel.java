package it.soglia.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code concurrency} virtual users signing in back to back for a fixed time, each from its own address. A user
 * starts no sign-in after the deadline; the one under way finishes and counts, so the rate is sign-ins completed
 * over the time until the last user stopped.
 */
final class LoadLevel {

    /** What one level measured. */
    record Result(SignInFlow flow, int concurrency, long signIns, long errors, Map<String, Long> errorReasons,
                  double seconds, Map<SignInStep, Latencies> steps, Latencies whole, long sogliaCpuNanos,
                  long databaseCpuNanos, long driverCpuNanos, Map<String, Long> sogliaCpuNanosByThreadKind,
                  long waitsForNextStep) {

        double signInsPerSecond() {
            return signIns / seconds;
        }

        double sogliaCpuMsPerSignIn() {
            return signIns == 0 ? Double.NaN : sogliaCpuNanos / 1e6 / signIns;
        }

        /** 0 when the database runs inside Soglia (its CPU is then in {@link #sogliaCpuMsPerSignIn}). */
        double databaseCpuMsPerSignIn() {
            return signIns == 0 ? Double.NaN : databaseCpuNanos / 1e6 / signIns;
        }

        /** What a sign-in costs the server side, whichever process the database runs in. */
        double sogliaAndDatabaseCpuMsPerSignIn() {
            return signIns == 0 ? Double.NaN : (sogliaCpuNanos + databaseCpuNanos) / 1e6 / signIns;
        }

        double driverCpuMsPerSignIn() {
            return signIns == 0 ? Double.NaN : driverCpuNanos / 1e6 / signIns;
        }
    }

    private final String baseUrl;
    private final EnrolledAccounts accounts;
    private final ProcessMeter soglia;
    private final BenchDatabase database;
    private final ProcessMeter driver;
    /** The application signed in to through the provider by {@link SignInFlow#APPLICATION}; else {@code null}. */
    private final BrowserSignIn.Application application;

    LoadLevel(String baseUrl, EnrolledAccounts accounts, ProcessMeter soglia, BenchDatabase database,
              ProcessMeter driver, BrowserSignIn.Application application) {
        this.baseUrl = baseUrl;
        this.accounts = accounts;
        this.soglia = soglia;
        this.database = database;
        this.driver = driver;
        this.application = application;
    }

    Result run(SignInFlow flow, int concurrency, double seconds) throws InterruptedException {
        long waitsBefore = accounts.waitsForNextStep();
        Map<String, Long> errorReasons = new ConcurrentHashMap<>();
        AtomicLong errors = new AtomicLong();
        List<VirtualUser> users = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            users.add(new VirtualUser(flow, new BrowserSignIn(baseUrl, clientAddress(concurrency, i)), errors,
                    errorReasons));
        }
        long sogliaCpu0 = soglia.cpuNanos();
        long databaseCpu0 = database.cpuNanos();
        Map<String, Long> byKind0 = soglia.cpuNanosByThreadKind();
        long driverCpu0 = driver.cpuNanos();
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            VirtualUser user = users.get(i);
            Thread thread = new Thread(() -> user.runUntil(deadline), "virtual-user-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long sogliaCpu = soglia.cpuNanos() - sogliaCpu0;
        long databaseCpu = database.cpuNanos() - databaseCpu0;
        Map<String, Long> byKind = new TreeMap<>(soglia.cpuNanosByThreadKind());
        // threads started meanwhile count whole
        byKind.replaceAll((kind, nanos) -> nanos - byKind0.getOrDefault(kind, 0L));
        long driverCpu = driver.cpuNanos() - driverCpu0;

        Map<SignInStep, Latencies> steps = new EnumMap<>(SignInStep.class);
        Latencies whole = new Latencies();
        long signIns = 0;
        for (SignInStep step : SignInStep.values()) {
            steps.put(step, new Latencies());
        }
        for (VirtualUser user : users) {
            user.steps.forEach((step, times) -> steps.get(step).addAll(times));
            whole.addAll(user.whole);
            signIns += user.whole.count();
        }
        return new Result(flow, concurrency, signIns, errors.get(), new TreeMap<>(errorReasons), elapsed, steps, whole,
                sogliaCpu, databaseCpu, driverCpu, byKind, accounts.waitsForNextStep() - waitsBefore);
    }

    /** A private address of its own per user and level: Soglia throttles and audits per client address. */
    private static String clientAddress(int concurrency, int user) {
        return "10.77." + concurrency + "." + (user + 1);
    }

    /** One user's loop and its own timings (merged after the level: no shared state while measuring). */
    private final class VirtualUser {
        private final SignInFlow flow;
        private final BrowserSignIn browser;
        private final AtomicLong errors;
        private final Map<String, Long> errorReasons;
        private final Map<SignInStep, Latencies> steps = new EnumMap<>(SignInStep.class);
        private final Latencies whole = new Latencies();

        VirtualUser(SignInFlow flow, BrowserSignIn browser, AtomicLong errors, Map<String, Long> errorReasons) {
            this.flow = flow;
            this.browser = browser;
            this.errors = errors;
            this.errorReasons = errorReasons;
            for (SignInStep step : SignInStep.values()) {
                steps.put(step, new Latencies());
            }
        }

        void runUntil(long deadline) {
            long[] nanos = new long[SignInStep.values().length];
            while (System.nanoTime() < deadline) {
                EnrolledAccounts.Enrolled account;
                try {
                    account = accounts.take();
                } catch (InterruptedException e) {
                    return;
                }
                long start = System.nanoTime();
                try {
                    java.util.Arrays.fill(nanos, 0);
                    browser.signIn(flow, accounts, account, application, nanos);
                    whole.add(System.nanoTime() - start);
                    for (SignInStep step : SignInStep.values()) {
                        if (nanos[step.ordinal()] > 0) { // a step of the other flow was not sent
                            steps.get(step).add(nanos[step.ordinal()]);
                        }
                    }
                } catch (BrowserSignIn.Failure e) {
                    errors.incrementAndGet();
                    errorReasons.merge(e.getMessage(), 1L, Long::sum);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    errorReasons.merge(e.toString(), 1L, Long::sum);
                } finally {
                    accounts.giveBack(account);
                }
            }
        }
    }
}
