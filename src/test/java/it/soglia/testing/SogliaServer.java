package it.soglia.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Soglia as the integration and browser tests see it: Payara Micro started once per test run with the built WAR,
 * on a fresh H2 database, with a clock the tests can move. Get it with {@link SogliaServerExtension}.
 */
public final class SogliaServer implements AutoCloseable {

    /** The admin Soglia creates from configuration on the empty test database. */
    public static final String BOOTSTRAP_ADMIN = "bootstrap.admin";
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "bootstrap-admin-password-2026";

    private final TestDatabase database;
    private final PayaraMicroProcess payara;
    private final TestClock clock;
    private final TestMail mail;
    private final String baseUrl;

    private SogliaServer(TestDatabase database, PayaraMicroProcess payara, TestClock clock, TestMail mail,
                         String baseUrl) {
        this.database = database;
        this.payara = payara;
        this.clock = clock;
        this.mail = mail;
        this.baseUrl = baseUrl;
    }

    static SogliaServer start() throws Exception {
        return start(Path.of(System.getProperty("soglia.it.payaraJar", "target/payara-micro.jar")), null,
                Path.of(System.getProperty("soglia.it.workDir", "target/it")));
    }

    /**
     * Soglia on another runtime: a Payara Micro jar run by {@code java} ({@code null}: this JVM), working in
     * {@code work}. The caller closes it.
     */
    public static SogliaServer start(Path payaraJar, Path java, Path work) throws Exception {
        return start(payaraJar, java, work, Map.of());
    }

    /**
     * As {@link #start(Path, Path, Path)}, with settings of the test's own over the usual ones. A start that hangs
     * before the application answers, or finds a port taken, is tried once more on a fresh database and ports
     * ({@link PayaraMicroProcess.StartNotCompleted}: the threads of a hang are kept in payara-threads.txt); a
     * deployment that fails is not retried.
     */
    public static SogliaServer start(Path payaraJar, Path java, Path work, Map<String, String> settings)
            throws Exception {
        try {
            return startOnce(payaraJar, java, work, settings);
        } catch (PayaraMicroProcess.StartNotCompleted notStarted) {
            System.out.println("Payara Micro did not start; starting it once more: "
                    + notStarted.getMessage().lines().findFirst().orElse("")); // CI's log says why the run took longer
            return startOnce(payaraJar, java, work, settings);
        }
    }

    private static SogliaServer startOnce(Path payaraJar, Path java, Path work, Map<String, String> settings)
            throws Exception {
        Files.createDirectories(work);
        TestDatabase database = TestDatabase.start(work.resolve("db"));
        TestClock clock = new TestClock(work.resolve("clock-offset"));
        int port = FreePort.find();
        String baseUrl = "http://127.0.0.1:" + port + "/soglia";
        TestMail mail = new TestMail(FreePort.find());
        Path mailCommands = work.resolve("mail-postboot.asadmin");
        Files.writeString(mailCommands, "create-javamail-resource --mailhost 127.0.0.1 --mailuser soglia"
                + " --fromaddress soglia@example.test --property mail.smtp.port=" + mail.port()
                + ":mail.smtp.connectiontimeout=5000:mail.smtp.timeout=5000:mail.smtp.writetimeout=5000 mail/soglia\n");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        var payara = PayaraMicroProcess.start(new PayaraMicroProcess.Options(
                payaraJar,
                Path.of(System.getProperty("soglia.it.war", "target/soglia.war")),
                "soglia", port,
                withOverrides(Map.of("soglia.db.url", database.url(),
                        "soglia.testing.clock-offset-file", clock.file().toAbsolutePath().toString(),
                        "soglia.issuer", "Soglia Test",
                        "soglia.base-url", baseUrl,
                        "soglia.mail.poll-interval", "PT0.5S",
                        "soglia.http.trusted-proxies", "127.0.0.1", // each WebSession says its own client address
                        "soglia.mail.retry-delay", "PT1S",
                        "soglia.mail.max-attempts", "3",
                        "soglia.bootstrap-admin.username", BOOTSTRAP_ADMIN,
                        "soglia.bootstrap-admin.password", BOOTSTRAP_ADMIN_PASSWORD), settings),
                Map.of("SOGLIA_CRYPTO_KEY", Base64.getEncoder().encodeToString(key)),
                List.of(mailCommands), work.resolve("payara.log"), null).withJava(java));
        SogliaServer server = new SogliaServer(database, payara, clock, mail, baseUrl);
        try {
            payara.awaitReady(URI.create(baseUrl + "/login"), Duration.ofSeconds(180));
        } catch (RuntimeException e) {
            server.close(); // a refused deployment leaves no database or mail server behind
            throw e;
        }
        return server;
    }

    private static Map<String, String> withOverrides(Map<String, String> usual, Map<String, String> overrides) {
        Map<String, String> all = new java.util.HashMap<>(usual);
        all.putAll(overrides);
        return all;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Payara's MicroProfile Metrics as the monitoring reads them: on their own listener, 127.0.0.1 only. */
    public String metricsUrl() {
        return "http://127.0.0.1:" + payara.metricsPort() + "/metrics";
    }

    public TestClock clock() {
        return clock;
    }

    public TestMail mail() {
        return mail;
    }

    public TestDatabase database() {
        return database;
    }

    public TestAccounts accounts() {
        return new TestAccounts(database);
    }

    /** Applications registered to sign in through this Soglia (OpenID Connect clients). */
    public TestClients clients() {
        return new TestClients(database);
    }

    public PayaraMicroProcess payara() {
        return payara;
    }

    @Override
    public void close() {
        payara.close();
        mail.close();
        database.close();
    }
}
