package it.soglia.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Payara Micro started as a separate process with the built WAR, for the tests and the local demo run. Payara
 * prints "ready" even when the deployment failed, so {@link #awaitReady} waits until the application itself answers
 * and fails at once, with the log lines that say why, when the deployment reported an error.
 */
public final class PayaraMicroProcess implements AutoCloseable {

    private static final List<String> DEPLOYMENT_FAILURES = List.of(
            "Exception while loading the app", "Exception while deploying", "Exception during lifecycle processing",
            "Deployment failed", "CDI deployment failure",
            "Soglia cannot start"); // ours: EclipseLink may report it at deployment without Payara's own words

    /** Pre-boot commands of a node on its own: sessions in memory, no Hazelcast (README, "Payara Micro"). */
    public static final Path SINGLE_NODE_PREBOOT_COMMANDS = Path.of("payara-config/single-node-preboot.asadmin");
    /** Pre-boot commands of a node of a cluster: sessions copied to the data grid (README, "Two nodes"). */
    public static final Path CLUSTER_PREBOOT_COMMANDS = Path.of("payara-config/preboot.asadmin");

    /** Where the pre-boot files bind the metrics listener (README, "Health and metrics"); 8090 when not given. */
    public static final String METRICS_PORT_VARIABLE = "SOGLIA_METRICS_PORT";

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Path logFile;
    private final int metricsPort;

    private PayaraMicroProcess(Process process, Path logFile, int metricsPort) {
        this.process = process;
        this.logFile = logFile;
        this.metricsPort = metricsPort;
    }

    /**
     * What to start: the runtime jar, the WAR, where, and with which settings; the JVM ({@code null}: this one), the
     * pre-boot commands, and Payara's other arguments (by default a node on its own, as the README starts one); and
     * other applications deployed beside Soglia (the test application that signs in through it).
     */
    public record Options(Path payaraJar, Path war, String contextRoot, int port, Map<String, String> systemProperties,
                          Map<String, String> environment, List<Path> postBootCommandFiles, Path logFile,
                          PrintStream echo, Path java, Path preBootCommandFile, List<String> arguments,
                          List<Deployment> otherApplications) {

        public Options(Path payaraJar, Path war, String contextRoot, int port, Map<String, String> systemProperties,
                       Map<String, String> environment, List<Path> postBootCommandFiles, Path logFile, PrintStream echo) {
            this(payaraJar, war, contextRoot, port, systemProperties, environment, postBootCommandFiles, logFile, echo,
                    null, SINGLE_NODE_PREBOOT_COMMANDS, List.of("--nohazelcast"), List.of());
        }

        public Options withJava(Path java) {
            return new Options(payaraJar, war, contextRoot, port, systemProperties, environment, postBootCommandFiles,
                    logFile, echo, java, preBootCommandFile, arguments, otherApplications);
        }

        public Options withPreBootCommandFile(Path file) {
            return new Options(payaraJar, war, contextRoot, port, systemProperties, environment, postBootCommandFiles,
                    logFile, echo, java, file, arguments, otherApplications);
        }

        public Options withArguments(List<String> arguments) {
            return new Options(payaraJar, war, contextRoot, port, systemProperties, environment, postBootCommandFiles,
                    logFile, echo, java, preBootCommandFile, arguments, otherApplications);
        }

        /** Deploys {@code application} too, after Soglia. */
        public Options withOtherApplication(Deployment application) {
            List<Deployment> all = new ArrayList<>(otherApplications);
            all.add(application);
            return new Options(payaraJar, war, contextRoot, port, systemProperties, environment, postBootCommandFiles,
                    logFile, echo, java, preBootCommandFile, arguments, List.copyOf(all));
        }
    }

    /** A WAR deployed at a context root of its own. */
    public record Deployment(Path war, String contextRoot) {

        /**
         * Payara Micro's {@code --deploy <war>:<context root>} (the separator is the platform's path separator):
         * {@code --contextroot} names the context root of Soglia's WAR only.
         */
        String argument() {
            return war + java.io.File.pathSeparator + contextRoot;
        }
    }

    public static PayaraMicroProcess start(Options options) {
        requireFile(options.payaraJar(), "Payara Micro jar (built by 'mvn package')");
        requireFile(options.war(), "Soglia WAR (built by 'mvn package')");
        List<String> command = new ArrayList<>();
        command.add(options.java() == null ? currentJava() : options.java().toString());
        options.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", options.payaraJar().toString(),
                "--deploy", options.war().toString(), "--contextroot", options.contextRoot(),
                "--port", Integer.toString(options.port()), "--disablephonehome"));
        for (Deployment other : options.otherApplications()) {
            requireFile(other.war(), "WAR to deploy at /" + other.contextRoot());
            command.addAll(List.of("--deploy", other.argument()));
        }
        command.addAll(options.arguments());
        command.addAll(List.of("--prebootcommandfile", options.preBootCommandFile().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(options.environment());
        // several Payaras of one run (two nodes, a second node on one database) each need a metrics port of their own
        builder.environment().computeIfAbsent(METRICS_PORT_VARIABLE, name -> Integer.toString(FreePort.find()));
        int metricsPort = Integer.parseInt(builder.environment().get(METRICS_PORT_VARIABLE));
        try {
            Files.createDirectories(options.logFile().toAbsolutePath().getParent());
            if (!options.postBootCommandFiles().isEmpty()) {
                command.addAll(List.of("--postbootcommandfile", postBootCommands(options).toString()));
            }
            PayaraMicroProcess payara = new PayaraMicroProcess(builder.start(), options.logFile(), metricsPort);
            payara.pumpOutput(options.echo());
            return payara;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Payara Micro", e);
        }
    }

    /** Payara Micro reads one post-boot file (the last given): several are joined into one, in their order. */
    private static Path postBootCommands(Options options) throws IOException {
        if (options.postBootCommandFiles().size() == 1) {
            return options.postBootCommandFiles().get(0);
        }
        StringBuilder joined = new StringBuilder();
        for (Path file : options.postBootCommandFiles()) {
            joined.append(Files.readString(file)).append('\n');
        }
        Path file = options.logFile().resolveSibling("postboot-joined.asadmin");
        Files.writeString(file, joined);
        return file;
    }

    /**
     * A start that did not come to deploy Soglia for a reason of the moment, not of the WAR or its settings: Payara
     * hung in its own start-up, or a port found free was taken before Payara bound it. Worth one more try.
     */
    public static final class StartNotCompleted extends IllegalStateException {

        private static final long serialVersionUID = 1L;

        StartNotCompleted(String message) {
            super(message);
        }
    }

    /**
     * A start that prints nothing for this long before the application answers has hung: a deployment prints a line
     * every few seconds even on a loaded machine (seen here: HK2 run-level threads of Payara Micro 7.2026.11 waiting on
     * each other, once in some thirty starts).
     */
    private static final Duration SILENT_START = Duration.ofSeconds(75);

    /**
     * Blocks until {@code probe} answers 200, or fails with the reason from the log. (Before the WAR is deployed
     * the HTTP listener already answers, with 404.)
     */
    public void awaitReady(URI probe, Duration timeout) {
        // HTTP/1.1 as browsers speak to a plain-http intranet server: the JDK client's default h2c upgrade once
        // dead-locked two of Payara's Grizzly HTTP/2 threads on an early request (threads in the log of that run)
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        int linesSeen = lines.size();
        Instant lastProgress = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            failOnDeploymentError();
            if (lines.size() != linesSeen) {
                linesSeen = lines.size();
                lastProgress = Instant.now();
            } else if (Instant.now().isAfter(lastProgress.plus(SILENT_START))) {
                throw new StartNotCompleted("Soglia did not answer at " + probe + ": Payara printed nothing for "
                        + SILENT_START.toSeconds() + " s; see " + logFile + " and the threads at that moment in "
                        + dumpThreads() + "\n" + tail(40));
            }
            if (!process.isAlive()) {
                String why = "Payara Micro exited with code " + process.exitValue() + " before Soglia answered; see "
                        + logFile + "\n" + tail(40);
                // a port found free was taken before Payara bound it (by another program, or an outgoing connection)
                throw lines.stream().anyMatch(line -> line.contains("Address already in use"))
                        ? new StartNotCompleted(why) : new IllegalStateException(why);
            }
            if (answers(client, probe)) {
                failOnDeploymentError();
                return;
            }
            waitQuietly(Duration.ofMillis(250));
        }
        throw new StartNotCompleted("Soglia did not answer at " + probe + " within " + timeout + "; see " + logFile
                + " and the threads at that moment in " + dumpThreads() + "\n" + tail(40));
    }

    /** What every thread of Payara was doing, for a start that hangs (written next to the log). */
    private Path dumpThreads() {
        Path dump = logFile.resolveSibling("payara-threads.txt");
        String jcmd = Path.of(currentJava()).resolveSibling("jcmd").toString();
        try {
            new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                    .redirectOutput(dump.toFile()).start().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            System.out.println("Threads of Payara Micro that did not answer:\n" + Files.readString(dump)); // CI shows
        } catch (IOException e) {
            return Path.of("(no thread dump: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dump;
    }

    /** The port of the metrics listener on 127.0.0.1 (the pre-boot files' {@value #METRICS_PORT_VARIABLE}). */
    /** Payara's own log (its output), for a test that checks what an operator would read there. */
    public Path logFile() {
        return logFile;
    }

    public int metricsPort() {
        return metricsPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself (the demo run, until Ctrl-C). */
    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** Ends the process at once, as a crash or a pulled plug would: no shutdown hooks, nothing handed over. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Log lines printed so far that contain {@code text}. */
    public List<String> logLinesContaining(String text) {
        return lines.stream().filter(line -> line.contains(text)).toList();
    }

    private void failOnDeploymentError() {
        for (String line : lines) {
            if (DEPLOYMENT_FAILURES.stream().anyMatch(line::contains)) {
                close();
                throw new IllegalStateException("Soglia failed to deploy; see " + logFile + "\n" + tail(60));
            }
        }
    }

    private void pumpOutput(PrintStream echo) throws IOException {
        var log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND); // the demo keeps the logs of earlier runs
        Thread pump = new Thread(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 log) {
                for (String line; (line = reader.readLine()) != null; ) {
                    lines.add(line);
                    log.write(line);
                    log.newLine();
                    log.flush();
                    if (echo != null) {
                        echo.println(line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "payara-micro-output");
        pump.setDaemon(true);
        pump.start();
    }

    private String tail(int count) {
        List<String> all = new ArrayList<>(lines);
        return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
    }

    private static boolean answers(HttpClient client, URI probe) {
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(probe).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitQuietly(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Missing " + what + ": " + file);
        }
    }

    /** Payara Micro 7 needs Java 21+: the JVM running Maven (see the enforcer rule in pom.xml) is one. */
    private static String currentJava() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
