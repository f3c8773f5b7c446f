package it.soglia.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two Payara Micro nodes running the built WAR on one PostgreSQL database, in one Hazelcast cluster on loopback
 * (tcpip members, never multicast), as README "Two nodes" sets them up. Node A uses Soglia's own pool
 * ({@code soglia.db.url}); node B the server's pool {@code jdbc/soglia} made by payara-config/postgresql-pool.asadmin:
 * both ways a deployer may choose are run. They share the mail server, the clock and the encryption key.
 */
public final class SogliaCluster implements AutoCloseable {

    private static final Path POSTGRESQL_POOL_COMMANDS = Path.of("payara-config/postgresql-pool.asadmin");

    public enum NodeName { A, B }

    private final Path work;
    private final TestDatabase database;
    private final TestMail mail;
    private final TestClock clock;
    private final String cryptoKey;
    private final Map<NodeName, Node> nodes = new HashMap<>();
    private final String clusterName = "soglia-it-" + UUID.randomUUID().toString().substring(0, 8);

    /** One node: its ports never change, so a restarted node takes its old place in the cluster. */
    private record Node(int httpPort, int clusterPort, PayaraMicroProcess payara) {
    }

    private SogliaCluster(Path work, TestDatabase database, TestMail mail, TestClock clock, String cryptoKey) {
        this.work = work;
        this.database = database;
        this.mail = mail;
        this.clock = clock;
        this.cryptoKey = cryptoKey;
    }

    /** Both nodes; a start that hangs or finds a port taken is tried once more, as a single server's is. */
    static SogliaCluster start() throws Exception {
        try {
            return startOnce();
        } catch (PayaraMicroProcess.StartNotCompleted notStarted) {
            System.out.println("A node of the test cluster did not start; starting the cluster once more: "
                    + notStarted.getMessage().lines().findFirst().orElse(""));
            return startOnce();
        }
    }

    private static SogliaCluster startOnce() throws Exception {
        Path work = Path.of(System.getProperty("soglia.it.workDir", "target/it")).resolve("cluster");
        Files.createDirectories(work);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SogliaCluster cluster = new SogliaCluster(work, TestDatabase.postgres(), new TestMail(FreePort.find()),
                new TestClock(work.resolve("clock-offset")), Base64.getEncoder().encodeToString(key));
        try {
            int httpA = FreePort.find();
            int httpB = FreePort.find();
            int clusterA = FreePort.find();
            int clusterB = FreePort.find();
            // A first: it migrates the empty database; B joins the cluster and finds the schema up to date
            cluster.launch(NodeName.A, httpA, clusterA, clusterB).payara()
                    .awaitReady(URI.create(cluster.baseUrl(NodeName.A) + "/login"), Duration.ofSeconds(240));
            cluster.launch(NodeName.B, httpB, clusterA, clusterB).payara()
                    .awaitReady(URI.create(cluster.baseUrl(NodeName.B) + "/login"), Duration.ofSeconds(240));
            cluster.awaitBothInOneDataGrid();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Two nodes that answer but never found each other would share only the database: fail, do not test that. */
    private void awaitBothInOneDataGrid() throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            if (!payara(NodeName.B).logLinesContaining("DG Size: 2").isEmpty()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the two nodes did not form one Hazelcast data grid (no \"DG Size: 2\" in "
                + work.resolve("node-b/payara.log") + ")");
    }

    private Node launch(NodeName name, int httpPort, int clusterPortA, int clusterPortB) throws IOException {
        int clusterPort = name == NodeName.A ? clusterPortA : clusterPortB;
        Map<String, String> properties = new HashMap<>(Map.of(
                "soglia.testing.clock-offset-file", clock.file().toAbsolutePath().toString(),
                "soglia.issuer", "Soglia Cluster Test",
                // mails lead to node A, as they would to the load balancer's address
                "soglia.base-url", "http://127.0.0.1:" + (name == NodeName.A ? httpPort : port(NodeName.A)) + "/soglia",
                "soglia.mail.poll-interval", "PT0.5S",
                "soglia.http.trusted-proxies", "127.0.0.1",
                "hazelcast.socket.bind.any", "false"));
        properties.put("soglia.housekeeping.interval", "P3650D"); // the tests read sent mails it would delete
        Map<String, String> environment = new HashMap<>(Map.of("SOGLIA_CRYPTO_KEY", cryptoKey));
        List<Path> postBoot = new ArrayList<>(List.of(mailCommands()));
        List<String> arguments = new ArrayList<>(List.of(
                "--clustermode", "tcpip:127.0.0.1:" + clusterPortA + ",127.0.0.1:" + clusterPortB,
                "--interfaces", "127.0.0.1", "--startport", Integer.toString(clusterPort),
                "--clustername", clusterName, "--name", "node-" + name.name().toLowerCase()));
        if (name == NodeName.A) { // as README "Two nodes": the database by environment variables
            environment.putAll(Map.of("SOGLIA_DB_URL", database.url(), "SOGLIA_DB_USER", database.user(),
                    "SOGLIA_DB_PASSWORD", database.password()));
        } else {
            URI db = URI.create(database.url().substring("jdbc:".length()));
            environment.putAll(Map.of("SOGLIA_DB_HOST", db.getHost(), "SOGLIA_DB_PORT", Integer.toString(db.getPort()),
                    "SOGLIA_DB_NAME", db.getPath().substring(1), "SOGLIA_DB_USER", database.user(),
                    "SOGLIA_DB_PASSWORD", database.password()));
            properties.put("soglia.db.jndi-name", "jdbc/soglia");
            postBoot.add(POSTGRESQL_POOL_COMMANDS);
            arguments.addAll(List.of("--addlibs",
                    Path.of(System.getProperty("soglia.it.postgresqlJar", "target/postgresql.jar")).toString()));
        }
        Path log = work.resolve("node-" + name.name().toLowerCase()).resolve("payara.log");
        Files.createDirectories(log.getParent());
        var payara = PayaraMicroProcess.start(new PayaraMicroProcess.Options(
                Path.of(System.getProperty("soglia.it.payaraJar", "target/payara-micro.jar")),
                Path.of(System.getProperty("soglia.it.war", "target/soglia.war")),
                "soglia", httpPort, properties, environment, postBoot, log, null)
                .withPreBootCommandFile(PayaraMicroProcess.CLUSTER_PREBOOT_COMMANDS).withArguments(arguments));
        Node node = new Node(httpPort, clusterPort, payara);
        nodes.put(name, node);
        return node;
    }

    private Path mailCommands() throws IOException {
        Path file = work.resolve("mail-postboot.asadmin");
        Files.writeString(file, "create-javamail-resource --mailhost 127.0.0.1 --mailuser soglia"
                + " --fromaddress soglia@example.test --property mail.smtp.port=" + mail.port()
                + ":mail.smtp.connectiontimeout=5000:mail.smtp.timeout=5000 mail/soglia\n");
        return file;
    }

    /** Kills the node as a crash would (no shutdown, nothing handed over). */
    public void kill(NodeName name) {
        nodes.get(name).payara().kill();
    }

    /** Starts a killed node again in its old place (ports, cluster), and waits until it answers. */
    public void restartIfDead(NodeName name) throws IOException {
        Node node = nodes.get(name);
        if (node.payara().isAlive()) {
            return;
        }
        Node other = nodes.get(name == NodeName.A ? NodeName.B : NodeName.A);
        int clusterA = name == NodeName.A ? node.clusterPort() : other.clusterPort();
        int clusterB = name == NodeName.B ? node.clusterPort() : other.clusterPort();
        launch(name, node.httpPort(), clusterA, clusterB).payara()
                .awaitReady(URI.create(baseUrl(name) + "/login"), Duration.ofSeconds(240));
    }

    public String baseUrl(NodeName name) {
        return "http://127.0.0.1:" + port(name) + "/soglia";
    }

    /** Payara's own endpoints (health, metrics) are at the root of the node, outside Soglia's context. */
    public String rootUrl(NodeName name) {
        return "http://127.0.0.1:" + port(name);
    }

    private int port(NodeName name) {
        return nodes.get(name).httpPort();
    }

    public PayaraMicroProcess payara(NodeName name) {
        return nodes.get(name).payara();
    }

    public TestDatabase database() {
        return database;
    }

    public TestMail mail() {
        return mail;
    }

    public TestClock clock() {
        return clock;
    }

    public TestAccounts accounts() {
        return new TestAccounts(database);
    }

    public SignInSteps steps(NodeName name) {
        return new SignInSteps(baseUrl(name), clock);
    }

    @Override
    public void close() {
        nodes.values().forEach(node -> node.payara().close());
        mail.close();
        database.close();
    }
}
