package it.soglia.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import it.soglia.testing.FreePort;
import it.soglia.testing.PayaraMicroProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Soglia started for the sign-in benchmark, as the tests start it (Payara Micro with the built WAR, the pre-boot
 * commands, a GreenMail SMTP server), with two differences: the database is the benchmark's ({@link BenchDatabase}:
 * by default an H2 file database inside Soglia's process, so its work counts in Soglia's CPU), and 127.0.0.1 is a
 * trusted proxy, so each virtual user can say its own client address. Knows how long the start took, up to the first
 * answered request.
 */
final class SogliaUnderTest implements AutoCloseable {

    final String baseUrl;
    /** Soglia's database, which the benchmark writes its accounts into. */
    final BenchDatabase database;
    final byte[] cryptoKey;
    final double readySeconds;
    final ProcessMeter process;
    private final PayaraMicroProcess payara;
    private final GreenMail mail;

    private SogliaUnderTest(String baseUrl, BenchDatabase database, byte[] cryptoKey, double readySeconds,
                            ProcessMeter process, PayaraMicroProcess payara, GreenMail mail) {
        this.baseUrl = baseUrl;
        this.database = database;
        this.cryptoKey = cryptoKey;
        this.readySeconds = readySeconds;
        this.process = process;
        this.payara = payara;
        this.mail = mail;
    }

    /**
     * Starts Soglia on {@code database} (empty: Soglia creates its tables) and waits until it answers;
     * {@code javaOptions} (may be empty) go to Payara's JVM.
     */
    static SogliaUnderTest start(Path work, Path payaraJar, Path war, String javaOptions, BenchDatabase database)
            throws IOException {
        byte[] cryptoKey = new byte[32];
        new SecureRandom().nextBytes(cryptoKey);
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
        long launched = System.nanoTime();
        PayaraMicroProcess payara = PayaraMicroProcess.start(new PayaraMicroProcess.Options(payaraJar, war,
                "soglia", port,
                Map.of("soglia.db.url", database.url,
                        "soglia.db.user", database.user,
                        "soglia.db.password", database.password,
                        "soglia.base-url", baseUrl,
                        "soglia.issuer", "Soglia Bench",
                        "soglia.http.trusted-proxies", "127.0.0.1"), // each virtual user says its own address
                environment(cryptoKey, javaOptions), List.of(mailCommands), work.resolve("payara.log"), null));
        try {
            payara.awaitReady(URI.create(baseUrl + "/login"), Duration.ofSeconds(180));
        } catch (RuntimeException e) {
            payara.close();
            mail.stop();
            throw e;
        }
        double readySeconds = (System.nanoTime() - launched) / 1e9;
        return new SogliaUnderTest(baseUrl, database, cryptoKey, readySeconds,
                new ProcessMeter(payaraPid(port)), payara, mail);
    }

    /**
     * Soglia's key, and JVM options (the README's heap limit, or more for a diagnosis:
     * {@code -Dsoglia.bench.sogliaJavaOptions="-Xmx320m -XX:..."}), passed as JAVA_TOOL_OPTIONS since the harness
     * starts Payara with system properties only.
     */
    private static Map<String, String> environment(byte[] cryptoKey, String javaOptions) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SOGLIA_CRYPTO_KEY", Base64.getEncoder().encodeToString(cryptoKey));
        if (!javaOptions.isBlank()) {
            environment.put("JAVA_TOOL_OPTIONS", javaOptions.strip());
        }
        return environment;
    }

    /** The Payara JVM among this program's children: the one listening on {@code port}. */
    private static long payaraPid(int port) {
        return ProcessHandle.current().children()
                .filter(p -> p.info().commandLine().map(c -> c.contains("payara-micro") && c.contains("--port " + port))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Payara Micro child process")).pid();
    }

    @Override
    public void close() {
        payara.close();
        mail.stop();
    }
}
