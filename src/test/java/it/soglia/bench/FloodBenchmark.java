package it.soglia.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Anonymous visitors flooding the sign-in page while a real user signs in ({@code mvn -Pbench-flood verify}, see
 * BENCHMARKS.md, issue 12 point 3). Starts Soglia with the README's {@code -Xmx320m}, then for a fixed time
 * ({@code soglia.bench.floodSeconds}, 60) several threads ({@code soglia.bench.floodThreads}, 4) GET {@code /login}
 * with no cookie, as a script would, while one user signs in completely (password, code, profile) again and again.
 * Every 5 s it asks {@code /health/live} (status and the heap share it reports). Prints the flood's rate and answers,
 * the liveness samples, the user's sign-in latencies and failures, the heap after the run and the HTTP sessions left
 * in it. It measures; it asserts nothing.
 */
public final class FloodBenchmark {

    private static final Pattern HEAP_PERCENT = Pattern.compile("\"heapUsedPercent\"\\s*:\\s*(\\d+)");
    private static final Pattern SESSIONS = Pattern.compile(
            "^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+org\\.apache\\.catalina\\.session\\.StandardSession(\\s.*)?$");

    private final PrintStream out = System.out;
    private final double floodSeconds = Double.parseDouble(System.getProperty("soglia.bench.floodSeconds", "60"));
    private final int floodThreads = Integer.getInteger("soglia.bench.floodThreads", 4);
    private final double warmupSeconds = Double.parseDouble(System.getProperty("soglia.bench.warmupSeconds", "20"));

    public static void main(String[] args) throws Exception {
        new FloodBenchmark().run();
        System.exit(0); // the HTTP clients' selector threads must not keep Maven waiting
    }

    private void run() throws Exception {
        Path work = Path.of(System.getProperty("soglia.bench.workDir", "target/bench-flood")).toAbsolutePath();
        Files.createDirectories(work);
        out.println("Machine: " + Machine.describe());
        out.println("Starting Soglia (log: " + work.resolve("payara.log") + ") ...");
        try (SogliaUnderTest soglia = SogliaUnderTest.start(work,
                Path.of(System.getProperty("soglia.bench.payaraJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("soglia.bench.war", "target/soglia.war")),
                System.getProperty("soglia.bench.sogliaJavaOptions", "-Xmx320m"), BenchDatabase.named("h2", work))) {
            out.printf("Soglia answered %.1f s after launch (Payara pid %d)%n", soglia.readySeconds, soglia.process.pid());
            EnrolledAccounts accounts;
            try (Connection db = soglia.database.connect()) {
                accounts = EnrolledAccounts.create(db, 200, soglia.cryptoKey);
            }
            String healthUrl = soglia.baseUrl.replaceFirst("/soglia$", "") + "/health/live";

            out.printf("Warming up: %.0f s of sign-ins alone ...%n", warmupSeconds);
            Latencies warm = signInsFor(soglia.baseUrl, accounts, warmupSeconds, new AtomicBoolean(), new LongAdder());
            out.printf("Before the flood: %s, %s, sessions in the heap %s%n", liveness(healthUrl),
                    heapInfo(soglia.process.pid()), sessions(soglia.process.pid()));
            Latencies quiet = signInsFor(soglia.baseUrl, accounts, 15, new AtomicBoolean(), new LongAdder());
            out.printf("Sign-in alone (15 s): %d sign-ins, median %.0f ms, p90 %.0f ms (warm-up: %d)%n", quiet.count(),
                    quiet.percentileMs(50), quiet.percentileMs(90), warm.count());

            flood(soglia, accounts, healthUrl);
            out.println("Load average after: " + Machine.loadAverageNow());
        }
    }

    private void flood(SogliaUnderTest soglia, EnrolledAccounts accounts, String healthUrl) throws Exception {
        out.printf("Flood: %d threads GET /login without cookies for %.0f s, one user signing in meanwhile ...%n",
                floodThreads, floodSeconds);
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        LongAdder withCookie = new LongAdder();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < floodThreads; t++) {
            Thread thread = new Thread(() -> floodUntil(stop, soglia.baseUrl + "/login", answers, withCookie));
            thread.setDaemon(true);
            threads.add(thread);
        }
        List<String> samples = new ArrayList<>();
        Thread sampler = new Thread(() -> {
            long t0 = System.nanoTime();
            while (!stop.get()) {
                sleep(5_000);
                samples.add(String.format("%4.0f s: %s; %s", (System.nanoTime() - t0) / 1e9, liveness(healthUrl),
                        heapInfo(soglia.process.pid())));
            }
        });
        sampler.setDaemon(true);
        LongAdder failedSignIns = new LongAdder();
        long t0 = System.nanoTime();
        threads.forEach(Thread::start);
        sampler.start();
        Latencies during = signInsFor(soglia.baseUrl, accounts, floodSeconds, stop, failedSignIns);
        stop.set(true);
        for (Thread thread : threads) {
            thread.join(60_000);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long total = answers.values().stream().mapToLong(LongAdder::sum).sum();
        Map<String, Long> byAnswer = new TreeMap<>();
        answers.forEach((k, v) -> byAnswer.put(k, v.sum()));
        out.printf("Flood: %,d requests in %.1f s = %.0f/s; answers %s; with a session cookie: %,d%n", total, seconds,
                total / seconds, byAnswer, withCookie.sum());
        out.println("Liveness during the flood (/health/live):");
        samples.forEach(s -> out.println("  " + s));
        out.printf("The user's sign-ins during the flood: %d done, %d failed; latency median %.0f ms, p90 %.0f ms,"
                + " max %.0f ms%n", during.count(), failedSignIns.sum(), during.percentileMs(50),
                during.percentileMs(90), during.percentileMs(100));
        out.printf("Right after: %s; %s; HTTP sessions in the heap: %s%n", liveness(healthUrl),
                heapInfo(soglia.process.pid()), sessions(soglia.process.pid()));
    }

    /** Cookieless GETs, one connection per thread kept alive: each request is a new visitor to Soglia. */
    private static void floodUntil(AtomicBoolean stop, String url, Map<String, LongAdder> answers, LongAdder withCookie) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("X-Forwarded-For", "10.99.0.1").GET().build();
        while (!stop.get()) {
            String answer;
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                answer = Integer.toString(response.statusCode());
                if (response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID"))) {
                    withCookie.increment();
                }
            } catch (IOException e) {
                answer = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                return;
            }
            answers.computeIfAbsent(answer, k -> new LongAdder()).increment();
        }
    }

    /** Complete sign-ins one after the other, each as a new browser; the time of each one that worked. */
    private static Latencies signInsFor(String baseUrl, EnrolledAccounts accounts, double seconds, AtomicBoolean stop,
                                        LongAdder failures) throws InterruptedException {
        Latencies latencies = new Latencies();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        while (System.nanoTime() < end && !stop.get()) {
            EnrolledAccounts.Enrolled account = accounts.take();
            long start = System.nanoTime();
            try {
                new BrowserSignIn(baseUrl, "10.88.0." + (1 + n++ % 250)).signIn(accounts, account,
                        new long[SignInStep.values().length]);
                latencies.add(System.nanoTime() - start);
            } catch (BrowserSignIn.Failure e) {
                failures.increment();
            } finally {
                accounts.giveBack(account);
            }
        }
        return latencies;
    }

    private static String liveness(String url) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> live = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher heap = HEAP_PERCENT.matcher(live.body());
            return "live " + live.statusCode() + (heap.find() ? ", heap " + heap.group(1) + " %" : "");
        } catch (IOException e) {
            return "live: no answer (" + e.getClass().getSimpleName() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "live: interrupted";
        }
    }

    /** Heap committed and used (jcmd GC.heap_info: no collection forced). */
    private static String heapInfo(long pid) {
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = Pattern.compile("total (?:reserved \\d+K, )?committed (\\d+)K, used (\\d+)K").matcher(info);
        return m.find() ? String.format("heap %,d MiB used of %,d MiB committed", Long.parseLong(m.group(2)) / 1024,
                Long.parseLong(m.group(1)) / 1024) : "heap ?";
    }

    /** Live HTTP session objects (jcmd GC.class_histogram, after the full collection it forces), and their bytes. */
    private static String sessions(long pid) {
        return jcmd(pid, "GC.class_histogram").lines().map(SESSIONS::matcher).filter(Matcher::matches).findFirst()
                .map(m -> String.format("%,d (%,d KiB of session objects alone)", Long.parseLong(m.group(1)),
                        Long.parseLong(m.group(2)) / 1024)).orElse("0");
    }

    private static String jcmd(long pid, String command) {
        try {
            String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            p.waitFor();
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
