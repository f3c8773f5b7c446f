package it.soglia.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Complete sign-ins per second against the limit set by the password hash ({@code mvn -Pbench-signin verify}, see
 * BENCHMARKS.md, issues 7 and 16). First times one Argon2id hash in a JVM of its own; then starts Soglia in Payara
 * Micro (timing the launch until the first answered request) on H2 or PostgreSQL, writes enrolled accounts into its
 * database, and drives sign-ins as a browser does, one level per flow at each concurrency, for a fixed time. Prints
 * the rate, each request's latency percentiles, errors, Soglia's and the database's CPU time per sign-in and Soglia's
 * resident memory, and compares them with the issues' goals. It reports the goals; it asserts nothing.
 *
 * <p>Settings (system properties): {@code soglia.bench.flow} (profile,redirect: the flows of {@link SignInFlow}, in
 * the order measured; the first one warms up), {@code soglia.bench.db} (h2: a file database inside Soglia;
 * postgresql: the tests' database, {@code soglia.it.pg.*}), {@code soglia.bench.levelSeconds} (30),
 * {@code soglia.bench.concurrency} (1,2,4,8), {@code soglia.bench.accounts} (3000), {@code soglia.bench.hashes}
 * (200 timed hashes), {@code soglia.bench.warmupSeconds} (90: after 60 s the JIT still compiles Faces code),
 * {@code soglia.bench.jfrAtConcurrency} (0: no profile), {@code soglia.bench.sogliaJavaOptions} (the README's
 * {@code -Xmx320m}), {@code soglia.bench.heapHistogram} (false), {@code soglia.bench.war} (the build's
 * {@code target/soglia.war}; another build's WAR to compare builds).
 */
public final class SignInBenchmark {

    private final PrintStream out = System.out;
    private final double levelSeconds = Double.parseDouble(System.getProperty("soglia.bench.levelSeconds", "30"));
    private final int[] concurrencies = Arrays.stream(System.getProperty("soglia.bench.concurrency", "1,2,4,8")
            .split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    private final int accountCount = Integer.getInteger("soglia.bench.accounts", 3000);
    private final int hashes = Integer.getInteger("soglia.bench.hashes", 200);
    private final double warmupSeconds = Double.parseDouble(System.getProperty("soglia.bench.warmupSeconds", "90"));
    private final int jfrAtConcurrency = Integer.getInteger("soglia.bench.jfrAtConcurrency", 0);
    /** After the figures: a class histogram of the live heap (it forces a full collection) into the work folder. */
    private final boolean heapHistogram = Boolean.getBoolean("soglia.bench.heapHistogram");
    private final int cores = Runtime.getRuntime().availableProcessors();
    /** Measured one after the other at each concurrency, in this order; the first one warms up. */
    private final List<SignInFlow> flows = SignInFlow.parse(System.getProperty("soglia.bench.flow",
            "profile,redirect"));

    public static void main(String[] args) throws Exception {
        new SignInBenchmark().run();
        System.exit(0); // the HTTP clients' selector threads must not keep Maven waiting
    }

    private void run() throws Exception {
        if (flows.isEmpty()) {
            throw new IllegalArgumentException("soglia.bench.flow names no flow");
        }
        Path work = Path.of(System.getProperty("soglia.bench.workDir", "target/bench-signin")).toAbsolutePath();
        Files.createDirectories(work);
        Machine machine = Machine.describe();
        out.println("Machine: " + machine);
        BenchDatabase database = BenchDatabase.named(System.getProperty("soglia.bench.db", "h2"), work); // fails early
        out.println("Database: " + database.describe());

        out.printf("Timing one Argon2id hash (t=5, m=7168 KiB, p=1) in a JVM of its own: %d hashes, then %d threads ..."
                + "%n", hashes, cores);
        HashMicrobenchmark.HashCost hash = HashMicrobenchmark.measure(hashes, cores);
        out.printf("  one hash: median %.1f ms (p10 %.1f, p90 %.1f), CPU %.1f ms; %d threads at once: %.1f hashes/s%n",
                hash.wallMedianMs(), hash.wallP10Ms(), hash.wallP90Ms(), hash.cpuMeanMs(), cores,
                hash.parallelPerSecond());

        out.println("Starting Soglia (log: " + work.resolve("payara.log") + ") ...");
        try (SogliaUnderTest soglia = SogliaUnderTest.start(work,
                Path.of(System.getProperty("soglia.bench.payaraJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("soglia.bench.war", "target/soglia.war")),
                System.getProperty("soglia.bench.sogliaJavaOptions", "-Xmx320m"), database)) {
            out.printf("Soglia answered %.1f s after launch (Payara pid %d, RSS %,d MB)%n", soglia.readySeconds,
                    soglia.process.pid(), soglia.process.rssKib() / 1024);
            measure(soglia, machine, hash, work);
        }
    }

    private void measure(SogliaUnderTest soglia, Machine machine, HashMicrobenchmark.HashCost hash, Path work)
            throws Exception {
        EnrolledAccounts accounts;
        try (Connection db = soglia.database.connect()) {
            accounts = EnrolledAccounts.create(db, accountCount, soglia.cryptoKey);
        }
        out.printf("Wrote %,d enrolled accounts%n", accounts.size());
        BrowserSignIn.Application application = null;
        if (flows.contains(SignInFlow.APPLICATION)) {
            try (Connection db = soglia.database.connect()) {
                application = registerApplication(soglia.database, db);
            }
        }
        for (SignInFlow flow : flows) {
            out.println("Flow " + flow.label() + ": " + switch (flow) {
                case PROFILE -> "a sign-in to Soglia's own profile: /login, password, /code, code, /profile";
                case REDIRECT -> "the profile flow up to the code's redirect to /profile (not followed), where"
                        + " Keycloak's benchmark stops";
                case APPLICATION -> "an application's sign-in through the OpenID Connect provider (client "
                        + application.clientId() + "): /authorize, login, code, back to /authorize, POST /token";
            });
            signInOnce(flow, soglia.baseUrl, accounts, application); // each flow works before anything is timed
        }
        LoadLevel load = new LoadLevel(soglia.baseUrl, accounts, soglia.process, soglia.database,
                new ProcessMeter(ProcessHandle.current().pid()), application);
        out.printf("Warming up: %.0f s at concurrency %d, flow %s ...%n", warmupSeconds, cores, flows.get(0).label());
        LoadLevel.Result warmup = load.run(flows.get(0), cores, warmupSeconds);
        out.printf("  %d sign-ins, %d errors %s%n", warmup.signIns(), warmup.errors(), warmup.errorReasons());
        IdleCpu idle = IdleCpu.measure(soglia.process, soglia.database);
        out.printf("Idle: Soglia %.2f%% of one core, the database %s%n", idle.soglia() * 100,
                soglia.database.insideSoglia() ? "inside Soglia" : String.format("%.2f%%", idle.database() * 100));

        List<LoadLevel.Result> results = runLevels(load, soglia.process, work);
        long rssKib = soglia.process.rssKib();
        out.println("Soglia's heap after the run (jcmd GC.heap_info): " + heapInfo(soglia.process.pid()));
        if (heapHistogram) {
            Path histogram = work.resolve("heap-histogram.txt");
            Files.writeString(histogram, jcmd(soglia.process.pid(), "GC.class_histogram"));
            out.println("Live heap by class: " + histogram + "; then " + heapInfo(soglia.process.pid()));
        }
        new BenchmarkReport(out, machine, hash, cores, soglia.readySeconds, rssKib, idle, soglia.database,
                accounts.size(), levelSeconds, results).print();
    }

    /**
     * Each concurrency in turn, and at each one every flow in turn: the flows' levels are minutes apart, not a whole
     * run, so they are compared on the machine as it was. The concurrency named by
     * {@code soglia.bench.jfrAtConcurrency} runs under a JFR recording, one per flow.
     */
    private List<LoadLevel.Result> runLevels(LoadLevel load, ProcessMeter soglia, Path work) throws Exception {
        List<LoadLevel.Result> results = new ArrayList<>();
        for (int concurrency : concurrencies) {
            for (SignInFlow flow : flows) {
                out.printf("Concurrency %d, flow %s, for %.0f s ...%n", concurrency, flow.label(), levelSeconds);
                JfrProfile profile = concurrency == jfrAtConcurrency ? new JfrProfile(soglia.pid(),
                        work.resolve("signin-" + flow.label() + "-c" + concurrency + ".jfr")) : null;
                if (profile != null) {
                    profile.start();
                }
                LoadLevel.Result result = load.run(flow, concurrency, levelSeconds);
                if (profile != null) {
                    profile.stopAndSummarize(out);
                }
                out.printf("  %.1f sign-ins/s, %d errors, CPU per sign-in: Soglia %.1f ms, database %.1f ms%n",
                        result.signInsPerSecond(), result.errors(), result.sogliaCpuMsPerSignIn(),
                        result.databaseCpuMsPerSignIn());
                results.add(result);
            }
        }
        return results;
    }

    private static void signInOnce(SignInFlow flow, String baseUrl, EnrolledAccounts accounts,
                                   BrowserSignIn.Application application) throws Exception {
        EnrolledAccounts.Enrolled account = accounts.take();
        try {
            new BrowserSignIn(baseUrl, "10.77.0.1").signIn(flow, accounts, account, application,
                    new long[SignInStep.values().length]);
        } finally {
            accounts.giveBack(account);
        }
    }

    /**
     * An application as an admin registers it (the row {@code /admin/clients} writes: the secret kept as its
     * SHA-256). Its redirect URI is never fetched: the benchmark stops at the redirect, as a browser's next request
     * would go to the application, not to Soglia.
     */
    private static BrowserSignIn.Application registerApplication(BenchDatabase database, Connection db)
            throws Exception {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String secret = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String secretHash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var application = new BrowserSignIn.Application("bench-app", secret, "https://app.example.test/Callback");
        try (var insert = db.prepareStatement("insert into oidc_client (id, client_id, name, secret_hash,"
                + " redirect_uris, post_logout_uris, allowed_roles, enabled, created_at, secret_changed_at)"
                + " values (?, ?, 'Benchmark application', ?, ?, '', '', true, current_timestamp,"
                + " current_timestamp)")) {
            insert.setLong(1, database.nextId(db, "oidc_client_seq"));
            insert.setString(2, application.clientId());
            insert.setString(3, secretHash);
            insert.setString(4, application.redirectUri());
            insert.executeUpdate();
        }
        return application;
    }

    /**
     * Soglia's and the database's CPU use while nothing is asked of them (Soglia's schedulers and mail outbox poll;
     * PostgreSQL's writers and autovacuum), as shares of one core over 5 s: included in every level's figures.
     */
    record IdleCpu(double soglia, double database) {

        static IdleCpu measure(ProcessMeter soglia, BenchDatabase database) throws InterruptedException {
            long soglia0 = soglia.cpuNanos();
            long database0 = database.cpuNanos();
            long t0 = System.nanoTime();
            Thread.sleep(5_000);
            double nanos = System.nanoTime() - t0;
            return new IdleCpu((soglia.cpuNanos() - soglia0) / nanos, (database.cpuNanos() - database0) / nanos);
        }
    }

    /** The Java heap's committed and used size: how much of the resident memory is heap. */
    private static String heapInfo(long pid) {
        try {
            String info = jcmd(pid, "GC.heap_info");
            var m = java.util.regex.Pattern.compile("total (?:reserved \\d+K, )?committed (\\d+)K, used (\\d+)K")
                    .matcher(info);
            return m.find() ? String.format("%,d MiB committed, %,d MiB used", Long.parseLong(m.group(1)) / 1024,
                    Long.parseLong(m.group(2)) / 1024) : info.lines().limit(3).toList().toString();
        } catch (Exception e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        return output;
    }

}
