package it.soglia.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.soglia.testing.FreePort;
import it.soglia.testing.PayaraMicroProcess;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Complete sign-ins per second against the limit set by the password hash ({@code mvn -Pbench-signin verify}, see
 * BENCHMARKS.md, issue 7). First times one Argon2id hash in a JVM of its own; then starts Soglia in Payara Micro
 * (timing the launch until the first answered request), writes enrolled accounts into its database, and drives
 * complete sign-ins as a browser does at each concurrency for a fixed time. Prints the rate, each request's
 * latency percentiles, errors, Soglia's CPU time per sign-in and its resident memory, and compares them with the
 * issue's goals. It reports the goals; it asserts nothing.
 *
 * <p>Settings (system properties): {@code soglia.bench.levelSeconds} (30), {@code soglia.bench.concurrency}
 * (1,2,4,8), {@code soglia.bench.accounts} (3000), {@code soglia.bench.hashes} (200 timed hashes),
 * {@code soglia.bench.warmupSeconds} (90: after 60 s the JIT still compiles Faces code),
 * {@code soglia.bench.jfrAtConcurrency} (0: no profile), {@code soglia.bench.sogliaJavaOptions} (none).
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
    private final int cores = Runtime.getRuntime().availableProcessors();

    public static void main(String[] args) throws Exception {
        new SignInBenchmark().run();
        System.exit(0); // the HTTP clients' selector threads must not keep Maven waiting
    }

    private void run() throws Exception {
        Path work = Path.of(System.getProperty("soglia.bench.workDir", "target/bench-signin")).toAbsolutePath();
        Files.createDirectories(work);
        Machine machine = Machine.describe();
        out.println("Machine: " + machine);

        out.printf("Timing one Argon2id hash (t=5, m=7168 KiB, p=1) in a JVM of its own: %d hashes, then %d threads ..."
                + "%n", hashes, cores);
        HashMicrobenchmark.HashCost hash = HashMicrobenchmark.measure(hashes, cores);
        out.printf("  one hash: median %.1f ms (p10 %.1f, p90 %.1f), CPU %.1f ms; %d threads at once: %.1f hashes/s%n",
                hash.wallMedianMs(), hash.wallP10Ms(), hash.wallP90Ms(), hash.cpuMeanMs(), cores,
                hash.parallelPerSecond());

        byte[] cryptoKey = new byte[32];
        new SecureRandom().nextBytes(cryptoKey);
        deleteRecursively(work.resolve("db"));
        // An H2 file database inside Payara (as Soglia's default), opened by Soglia first; AUTO_SERVER lets this
        // program write the accounts through Soglia's process, so the database's work is counted in Soglia's CPU.
        String dbUrl = "jdbc:h2:file:" + work.resolve("db").resolve("soglia") + ";AUTO_SERVER=TRUE";
        int smtpPort = FreePort.find();
        GreenMail mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path mailCommands = work.resolve("mail-postboot.asadmin");
        Files.writeString(mailCommands, "create-javamail-resource --mailhost 127.0.0.1 --mailuser soglia"
                + " --fromaddress soglia@example.test --property mail.smtp.port=" + smtpPort
                + ":mail.smtp.connectiontimeout=5000:mail.smtp.timeout=5000 mail/soglia\n");
        int port = FreePort.find();
        String baseUrl = "http://127.0.0.1:" + port + "/soglia";
        Files.deleteIfExists(work.resolve("payara.log"));
        out.println("Starting Soglia (log: " + work.resolve("payara.log") + ") ...");
        long launched = System.nanoTime();
        PayaraMicroProcess payara = PayaraMicroProcess.start(new PayaraMicroProcess.Options(
                Path.of(System.getProperty("soglia.bench.payaraJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("soglia.bench.war", "target/soglia.war")),
                "soglia", port,
                Map.of("soglia.db.url", dbUrl,
                        "soglia.base-url", baseUrl,
                        "soglia.issuer", "Soglia Bench",
                        "soglia.http.trusted-proxies", "127.0.0.1"), // each virtual user says its own address
                sogliaEnvironment(cryptoKey),
                List.of(mailCommands), work.resolve("payara.log"), null));
        try {
            payara.awaitReady(URI.create(baseUrl + "/login"), Duration.ofSeconds(180));
            double readySeconds = (System.nanoTime() - launched) / 1e9;
            ProcessMeter soglia = new ProcessMeter(payaraPid(port));
            ProcessMeter driver = new ProcessMeter(ProcessHandle.current().pid());
            out.printf("Soglia answered %.1f s after launch (Payara pid %d, RSS %,d MB)%n", readySeconds, soglia.pid(),
                    soglia.rssKib() / 1024);

            EnrolledAccounts accounts;
            try (Connection db = DriverManager.getConnection(dbUrl, "soglia", "soglia")) {
                accounts = EnrolledAccounts.create(db, accountCount, cryptoKey);
            }
            out.printf("Wrote %,d enrolled accounts%n", accounts.size());

            LoadLevel load = new LoadLevel(baseUrl, accounts, soglia, driver);
            signInOnce(baseUrl, accounts); // the flow works before anything is timed
            out.printf("Warming up: %.0f s at concurrency %d ...%n", warmupSeconds, cores);
            LoadLevel.Result warmup = load.run(cores, warmupSeconds);
            out.printf("  %d sign-ins, %d errors %s%n", warmup.signIns(), warmup.errors(), warmup.errorReasons());
            double idleCpuShare = idleCpuShare(soglia);
            out.printf("Soglia idle: %.2f%% of one core%n", idleCpuShare * 100);

            List<LoadLevel.Result> results = new ArrayList<>();
            for (int concurrency : concurrencies) {
                out.printf("Concurrency %d for %.0f s ...%n", concurrency, levelSeconds);
                JfrProfile profile = concurrency == jfrAtConcurrency
                        ? new JfrProfile(soglia.pid(), work.resolve("signin-c" + concurrency + ".jfr")) : null;
                if (profile != null) {
                    profile.start();
                }
                LoadLevel.Result result = load.run(concurrency, levelSeconds);
                if (profile != null) {
                    profile.stopAndSummarize(out);
                }
                out.printf("  %.1f sign-ins/s, %d errors, Soglia CPU %.1f ms per sign-in%n",
                        result.signInsPerSecond(), result.errors(), result.sogliaCpuMsPerSignIn());
                results.add(result);
            }
            long rssKib = soglia.rssKib();
            out.println("Soglia's heap after the run (jcmd GC.heap_info): " + heapInfo(soglia.pid()));
            new BenchmarkReport(out, machine, hash, cores, readySeconds, rssKib, idleCpuShare, accounts.size(),
                    levelSeconds, results).print();
        } finally {
            payara.close();
            mail.stop();
        }
    }

    /**
     * Soglia's key, and JVM options for a diagnosis ({@code -Dsoglia.bench.sogliaJavaOptions="-XX:..."}, passed as
     * JAVA_TOOL_OPTIONS since the harness starts Payara with system properties only).
     */
    private static Map<String, String> sogliaEnvironment(byte[] cryptoKey) {
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("SOGLIA_CRYPTO_KEY", Base64.getEncoder().encodeToString(cryptoKey));
        String javaOptions = System.getProperty("soglia.bench.sogliaJavaOptions", "").strip();
        if (!javaOptions.isEmpty()) {
            environment.put("JAVA_TOOL_OPTIONS", javaOptions);
        }
        return environment;
    }

    private static void signInOnce(String baseUrl, EnrolledAccounts accounts) throws Exception {
        EnrolledAccounts.Enrolled account = accounts.take();
        try {
            new BrowserSignIn(baseUrl, "10.77.0.1").signIn(accounts, account, new long[SignInStep.values().length]);
        } finally {
            accounts.giveBack(account);
        }
    }

    /** Soglia's CPU use while nothing is asked of it (its schedulers, the mail outbox poll), over 5 s. */
    private static double idleCpuShare(ProcessMeter soglia) throws InterruptedException {
        long cpu0 = soglia.cpuNanos();
        long t0 = System.nanoTime();
        Thread.sleep(5_000);
        return (double) (soglia.cpuNanos() - cpu0) / (System.nanoTime() - t0);
    }

    /** The Java heap's committed and used size: how much of the resident memory is heap. */
    private static String heapInfo(long pid) {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), "GC.heap_info").redirectErrorStream(true).start();
            String info = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            var m = java.util.regex.Pattern.compile("total (?:reserved \\d+K, )?committed (\\d+)K, used (\\d+)K")
                    .matcher(info);
            return m.find() ? String.format("%,d MiB committed, %,d MiB used", Long.parseLong(m.group(1)) / 1024,
                    Long.parseLong(m.group(2)) / 1024) : info.lines().limit(3).toList().toString();
        } catch (Exception e) {
            return "? (" + e.getMessage() + ")";
        }
    }

    private static long payaraPid(int port) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro") && c.contains("--port " + port))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Payara Micro child process")).pid();
    }

    private static void deleteRecursively(Path directory) throws java.io.IOException {
        if (Files.exists(directory)) {
            try (var paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
