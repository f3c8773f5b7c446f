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

    private final TestDatabase database;
    private final PayaraMicroProcess payara;
    private final TestClock clock;
    private final String baseUrl;

    private SogliaServer(TestDatabase database, PayaraMicroProcess payara, TestClock clock, String baseUrl) {
        this.database = database;
        this.payara = payara;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    static SogliaServer start() throws Exception {
        Path work = Path.of(System.getProperty("soglia.it.workDir", "target/it"));
        Files.createDirectories(work);
        TestDatabase database = TestDatabase.start(work.resolve("db"));
        TestClock clock = new TestClock(work.resolve("clock-offset"));
        int port = FreePort.find();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        var payara = PayaraMicroProcess.start(new PayaraMicroProcess.Options(
                Path.of(System.getProperty("soglia.it.payaraJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("soglia.it.war", "target/soglia.war")),
                "soglia", port,
                Map.of("soglia.db.url", database.url(),
                        "soglia.testing.clock-offset-file", clock.file().toAbsolutePath().toString(),
                        "soglia.issuer", "Soglia Test"),
                Map.of("SOGLIA_CRYPTO_KEY", Base64.getEncoder().encodeToString(key)),
                List.of(), work.resolve("payara.log"), null));
        String baseUrl = "http://127.0.0.1:" + port + "/soglia";
        payara.awaitReady(URI.create(baseUrl + "/login"), Duration.ofSeconds(180));
        return new SogliaServer(database, payara, clock, baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public TestClock clock() {
        return clock;
    }

    public TestAccounts accounts() {
        return new TestAccounts(database);
    }

    public PayaraMicroProcess payara() {
        return payara;
    }

    @Override
    public void close() {
        payara.close();
        database.close();
    }
}
