package it.soglia.demo;

import it.soglia.testing.PayaraMicroProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The local demo run ({@code mvn -Pdemo package}): a mail catcher, then Soglia in Payara Micro on
 * http://localhost:8080/soglia with an H2 file database and the demo accounts, all kept in {@code data/}.
 * Ctrl-C stops everything.
 */
public final class DemoLauncher {

    private static final int HTTP_PORT = 8080;
    private static final int SMTP_PORT = 3025;
    private static final int METRICS_PORT = 8090; // the pre-boot file's default (README, "Health and metrics")

    private DemoLauncher() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream console = System.out;
        Path data = privateDirectory(Path.of(System.getProperty("soglia.demo.dataDir", "data")).toAbsolutePath());
        requireFree(HTTP_PORT, "HTTP");
        requireFree(METRICS_PORT, "metrics");
        requireFree(SMTP_PORT, "SMTP (mail catcher)");

        MailCatcher mail = new MailCatcher(SMTP_PORT, console);
        mail.start();
        console.println("Mail catcher listening on 127.0.0.1:" + SMTP_PORT + "; every mail Soglia sends is shown here.");
        Path log = data.resolve("payara.log");
        console.println("Starting Soglia in Payara Micro (its log: " + log + ") ...");
        var options = new PayaraMicroProcess.Options(
                Path.of(System.getProperty("soglia.demo.payaraJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("soglia.demo.war", "target/soglia.war")),
                "soglia", HTTP_PORT,
                Map.of("soglia.db.url", "jdbc:h2:file:" + data.resolve("soglia") + ";TRACE_LEVEL_FILE=0",
                        "soglia.demo.accounts", "true",
                        "soglia.base-url", "http://localhost:" + HTTP_PORT + "/soglia"),
                Map.of("SOGLIA_CRYPTO_KEY", localKey(data.resolve("soglia-crypto.key")),
                        PayaraMicroProcess.METRICS_PORT_VARIABLE, Integer.toString(METRICS_PORT)),
                List.of(Path.of(System.getProperty("soglia.demo.commandFile", "payara-config/demo-postboot.asadmin"))),
                log, null);
        var current = new java.util.concurrent.atomic.AtomicReference<PayaraMicroProcess>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.println("Stopping Soglia and the mail catcher ...");
            if (current.get() != null) {
                current.get().close();
            }
            mail.close();
        }, "demo-shutdown"));
        URI signIn = URI.create("http://127.0.0.1:" + HTTP_PORT + "/soglia/login");
        PayaraMicroProcess payara = PayaraMicroProcess.start(options);
        current.set(payara);
        try {
            payara.awaitReady(signIn, Duration.ofSeconds(180));
        } catch (PayaraMicroProcess.StartNotCompleted notStarted) {
            // Payara Micro now and then hangs in its own start-up (payara/Payara#5192): once more is enough
            console.println("Payara Micro did not start (" + notStarted.getMessage().lines().findFirst().orElse("")
                    + "); starting it once more ...");
            payara.close();
            payara = PayaraMicroProcess.start(options);
            current.set(payara);
            payara.awaitReady(signIn, Duration.ofSeconds(180));
        }
        console.println("""

                ==========================================================================
                 Soglia is running:  http://localhost:%d/soglia
                 Demo accounts (username / password):
                   admin         / soglia-admin-2026   (administrator, admin@example.test)
                   mario.rossi   / soglia-mario-2026   (mario.rossi@example.test)
                   anna.bianchi  / soglia-anna-2026    (no email)
                 Data (database, encryption key, log) is kept in %s
                 Press Ctrl-C to stop.
                ==========================================================================
                """.formatted(HTTP_PORT, data));
        int exit = payara.waitFor();
        console.println("Payara Micro stopped (exit code " + exit + ").");
    }

    /**
     * The demo's data directory (database, key, log), for its owner only: created {@code rwx------}, or made so
     * when an earlier run left it open to others.
     */
    static Path privateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        return directory;
    }

    /**
     * The demo's own AES key for TOTP secrets, created once and kept next to its database: losing it would make
     * every enrolled authenticator unreadable. The file is created {@code rw-------} (never readable by others, not
     * even for a moment before a chmod), and made so if an earlier run left it open.
     */
    static String localKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return Files.readString(file).strip();
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " (" + what + ") is already in use: stop whatever uses it"
                    + " (another Soglia demo run?) and try again.");
        }
    }
}
