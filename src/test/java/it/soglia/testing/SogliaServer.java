package it.soglia.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Soglia as the integration and browser tests see it: Payara Micro started once per test run with the built WAR,
 * on a fresh H2 database, with a clock the tests can move. Get it with {@link SogliaServerExtension}.
 */
public final class SogliaServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SogliaServer.class.getName());

    /** The admin Soglia creates from configuration on the empty test database. */
    public static final String BOOTSTRAP_ADMIN = "bootstrap.admin";
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "bootstrap-admin-password-2026";

    private final TestDatabase database;
    private final PayaraMicroProcess payara;
    private final TestClock clock;
    private final TestMail mail;
    private final String baseUrl;
    /** The OpenLDAP directory Soglia's directory passwords use ({@code null}: none on this server). */
    private final TestDirectory directory;
    /** Where the test application reads its registration ({@code null}: not deployed on this server). */
    private final Path relyingPartySettings;
    private volatile RelyingParty relyingParty;

    private SogliaServer(TestDatabase database, PayaraMicroProcess payara, TestClock clock, TestMail mail,
                         String baseUrl, Path relyingPartySettings, TestDirectory directory) {
        this.directory = directory;
        this.database = database;
        this.payara = payara;
        this.clock = clock;
        this.mail = mail;
        this.baseUrl = baseUrl;
        this.relyingPartySettings = relyingPartySettings;
    }

    /** The shared server of the test run, with the test application at {@value #RELYING_PARTY_CONTEXT_ROOT} beside. */
    static SogliaServer start() throws Exception {
        Path payaraJar = Path.of(System.getProperty("soglia.it.payaraJar", "target/payara-micro.jar"));
        Path work = Path.of(System.getProperty("soglia.it.workDir", "target/it"));
        Path rpWar = Path.of(System.getProperty("soglia.it.rpWar", "target/rp.war"));
        return startTwiceIfNeeded(payaraJar, null, work, Map.of(), rpWar);
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
        return startTwiceIfNeeded(payaraJar, java, work, settings, null);
    }

    /** One start, and one more when the first did not complete ({@link PayaraMicroProcess.StartNotCompleted}). */
    private static SogliaServer startTwiceIfNeeded(Path payaraJar, Path java, Path work, Map<String, String> settings,
                                                   Path rpWar) throws Exception {
        try {
            return startOnce(payaraJar, java, work, settings, rpWar);
        } catch (PayaraMicroProcess.StartNotCompleted notStarted) {
            LOG.warning(() -> "Payara Micro did not start; starting it once more: " // CI's log says why it took longer
                    + notStarted.getMessage().lines().findFirst().orElse(""));
            return startOnce(payaraJar, java, work, settings, rpWar);
        }
    }

    /** The test application's context root on the shared server. */
    public static final String RELYING_PARTY_CONTEXT_ROOT = "rp";

    private static SogliaServer startOnce(Path payaraJar, Path java, Path work, Map<String, String> settings,
                                          Path rpWar) throws Exception {
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
        Path rpSettings = rpWar == null ? null : work.resolve("rp-settings.properties").toAbsolutePath();
        TestDirectory directory = null;
        if (rpSettings != null) {
            Files.deleteIfExists(rpSettings); // a registration of an earlier run names a client this database lacks
            settings = withOverrides(Map.of(RELYING_PARTY_SETTINGS_PROPERTY, rpSettings.toString()), settings);
            // the shared server has a directory too (slapd starts in about a second): local accounts are tested
            // beside it, as they run in a company that connects one
            directory = TestDirectory.start(work.resolve("ldap"));
            settings = withOverrides(directory.sogliaSettings(), settings);
        }
        var options = new PayaraMicroProcess.Options(
                payaraJar,
                Path.of(System.getProperty("soglia.it.war", "target/soglia.war")),
                "soglia", port,
                withOverrides(withOverrides(Map.of("soglia.db.url", database.url(),
                        "soglia.testing.clock-offset-file", clock.file().toAbsolutePath().toString(),
                        "soglia.issuer", "Soglia Test",
                        "soglia.base-url", baseUrl,
                        "soglia.mail.poll-interval", "PT0.5S",
                        "soglia.http.trusted-proxies", "127.0.0.1", // each WebSession says its own client address
                        "soglia.mail.retry-delay", "PT1S",
                        "soglia.mail.max-attempts", "3",
                        "soglia.bootstrap-admin.username", BOOTSTRAP_ADMIN,
                        "soglia.bootstrap-admin.password", BOOTSTRAP_ADMIN_PASSWORD),
                        // no housekeeping while tests read the rows it deletes (sent mails): HousekeepingIT sets its own
                        Map.of("soglia.housekeeping.interval", "P3650D")), settings),
                Map.of("SOGLIA_CRYPTO_KEY", Base64.getEncoder().encodeToString(key)),
                List.of(mailCommands), work.resolve("payara.log"), null).withJava(java);
        if (rpWar != null) {
            options = options.withOtherApplication(new PayaraMicroProcess.Deployment(rpWar, RELYING_PARTY_CONTEXT_ROOT));
        }
        PayaraMicroProcess payara;
        try {
            payara = PayaraMicroProcess.start(options);
        } catch (Exception | Error e) {
            if (directory != null) {
                directory.close();
            }
            throw e;
        }
        SogliaServer server = new SogliaServer(database, payara, clock, mail, baseUrl, rpSettings, directory);
        try {
            payara.awaitReady(URI.create(baseUrl + "/login"), Duration.ofSeconds(180));
            if (rpWar != null) {
                // registered before the application's first request: its OpenID mechanism reads the provider's
                // discovery document, client id and secret at the first request of any page, and keeps them
                server.registerRelyingParty();
                payara.awaitReady(URI.create(server.relyingPartyUrl() + "/signed-out"), Duration.ofSeconds(120));
            }
        } catch (RuntimeException e) {
            server.close(); // a refused deployment leaves no database or mail server behind
            throw e;
        }
        return server;
    }

    /** The system property of the Payara JVM that tells the test application where its registration is. */
    private static final String RELYING_PARTY_SETTINGS_PROPERTY = "rp.settings-file";

    /** The test application as the browser reaches it: {@code http://127.0.0.1:<port>/rp}. */
    public String relyingPartyUrl() {
        return baseUrl.substring(0, baseUrl.lastIndexOf('/')) + "/" + RELYING_PARTY_CONTEXT_ROOT;
    }

    /** The test application and its registration at Soglia. */
    public record RelyingParty(String url, TestClients.TestClient client) {
    }

    /**
     * The test application that signs in through this Soglia with Jakarta Security's OpenID Connect mechanism
     * (src/test/java/it/soglia/rp), registered once per server: the mechanism reads its client id and secret once,
     * so every test of the run shares this one registration.
     */
    public RelyingParty relyingParty() {
        if (relyingParty == null) {
            throw new IllegalStateException("the test application is deployed on the shared test server only");
        }
        return relyingParty;
    }

    /** Registers the test application and writes where it reads its registration ({@code rp-settings.properties}). */
    private void registerRelyingParty() throws IOException {
        String url = relyingPartyUrl();
        TestClients.TestClient client = clients().register("rp", List.of(url + "/Callback"),
                List.of(url + "/signed-out"));
        Properties registration = new Properties();
        registration.setProperty("issuer", baseUrl);
        registration.setProperty("client-id", client.clientId());
        registration.setProperty("client-secret", client.secret());
        try (var out = Files.newBufferedWriter(relyingPartySettings)) {
            registration.store(out, "the test application's registration at Soglia (SogliaServer.relyingParty)");
        }
        relyingParty = new RelyingParty(url, client);
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

    /** The shared server's OpenLDAP directory. */
    public TestDirectory directory() {
        if (directory == null) {
            throw new IllegalStateException("the test directory runs beside the shared test server only");
        }
        return directory;
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
        if (directory != null) {
            directory.close();
        }
    }
}
