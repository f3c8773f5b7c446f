package it.soglia.health;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.FreePort;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestAccounts;
import it.soglia.testing.TestClock;
import it.soglia.testing.TestDatabase;
import it.soglia.testing.TestMail;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * The release zip on the full Payara Server 6 under JDK 17, deployed by the commands of README's "Payara Server"
 * section, in their order, run from the unpacked zip as a deployer would: a domain of its own, the PostgreSQL driver
 * in its lib folder, the domain started with the variables the section lists, the mail session and the pool from the
 * zip's payara-config files, the pool's password from a password alias, the SameSite settings, the deployment. Then
 * a user enrols and signs in through the pages, and a second deployment of the same WAR (an upgrade with nothing to
 * migrate) logs the schema version it found.
 */
class PayaraServerIT {

    private static final String DOMAIN = "soglia-it";
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);

    @Test
    void theReleaseZipDeploysOnPayaraServerByTheReadmeCommandsAndAUserSignsIn() throws Exception {
        Path payara = Path.of(System.getProperty("soglia.it.payaraServer", "target/payara-server/payara6"))
                .toAbsolutePath();
        Path java17 = Path.of(System.getProperty("soglia.it.java17", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java"));
        Path work = Path.of(System.getProperty("soglia.it.workDir", "target/it")).resolve("payara-server")
                .toAbsolutePath();
        Path release = unzipRelease(Path.of(System.getProperty("soglia.it.releaseZip",
                "target/soglia-0.1.0-SNAPSHOT-release.zip")), work);
        Asadmin asadmin = new Asadmin(payara.resolve("bin/asadmin"), java17.getParent().getParent(), release,
                work.resolve("asadmin.log"));
        Path domainDir = payara.resolve("glassfish/domains").resolve(DOMAIN);
        deleteRecursively(domainDir); // a domain left by an earlier run that was killed

        int portBase = freePortBase();
        int adminPort = portBase + 48; // create-domain --portbase: admin +48, HTTP +80, HTTPS +81
        int httpPort = portBase + 80;
        String admin = Integer.toString(adminPort);
        String baseUrl = "http://127.0.0.1:" + httpPort + "/soglia";

        try (TestDatabase database = TestDatabase.postgres(); TestMail mail = new TestMail(FreePort.find())) {
            Matcher db = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(database.url());
            assertThat(db.matches()).as("PostgreSQL test URL %s", database.url()).isTrue();
            mail.acceptLogin("soglia", "smtp-password");
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            // Every variable README's section lists, as its EnvironmentFile holds them (no SOGLIA_DB_PASSWORD: the
            // pool's password comes from the alias)
            Map<String, String> environment = new HashMap<>(Map.of(
                    "SOGLIA_CRYPTO_KEY", Base64.getEncoder().encodeToString(key),
                    "SOGLIA_BASE_URL", baseUrl,
                    "SOGLIA_DB_HOST", db.group(1), "SOGLIA_DB_PORT", db.group(2), "SOGLIA_DB_NAME", db.group(3),
                    "SOGLIA_DB_USER", database.user(),
                    "SOGLIA_SMTP_HOST", "127.0.0.1", "SOGLIA_SMTP_PORT", Integer.toString(mail.port()),
                    "SOGLIA_SMTP_USER", "soglia", "SOGLIA_SMTP_PASSWORD", "smtp-password"));
            environment.put("SOGLIA_SMTP_STARTTLS", "false");
            environment.put("SOGLIA_MAIL_FROM", "soglia@example.test");
            environment.put("SOGLIA_MAIL_POLL_INTERVAL", "PT0.5S");
            int metricsPort = FreePort.find();
            environment.put("SOGLIA_METRICS_PORT", Integer.toString(metricsPort)); // 8090 may be taken here

            asadmin.run(Map.of(), "create-domain", "--portbase", Integer.toString(portBase), "--nopassword=true",
                    DOMAIN);
            Files.copy(release.resolve("postgresql.jar"), domainDir.resolve("lib/postgresql.jar"));
            try {
                asadmin.run(environment, "start-domain", DOMAIN);
                Path aliasPassword = work.resolve("alias-password");
                Files.writeString(aliasPassword, "AS_ADMIN_ALIASPASSWORD=" + database.password() + "\n");
                asadmin.run(Map.of(), "--port", admin, "--passwordfile", aliasPassword.toString(),
                        "create-password-alias", "soglia-db");
                asadmin.run(Map.of(), "--port", admin, "multimode", "--file", "payara-config/mail-postboot.asadmin");
                asadmin.run(Map.of(), "--port", admin, "multimode", "--file",
                        "payara-config/postgresql-pool.asadmin");
                asadmin.run(Map.of(), "--port", admin, "set",
                        "resources.jdbc-connection-pool.soglia-postgresql.property.password=${ALIAS=soglia-db}");
                asadmin.run(Map.of(), "--port", admin, "multimode", "--file", "payara-config/server.asadmin");
                asadmin.run(Map.of(), "--port", admin, "deploy", "--contextroot", "soglia", "soglia.war");

                Path serverLog = domainDir.resolve("logs/server.log");
                awaitAnswer(URI.create(baseUrl + "/login"), serverLog);
                assertThat(Files.readString(serverLog))
                        .contains("Soglia is running: sign in at " + baseUrl + "/login")
                        .containsPattern("schema at version \\d+(\\.\\d+)* \\(\\d+ migrations applied now\\)");

                TestClock clock = new TestClock(work.resolve("clock-unused")); // Soglia keeps the real clock
                SignInSteps steps = new SignInSteps(baseUrl, clock);
                TestAccount account = new TestAccounts(database).create("server");
                WebSession first = steps.newSession();
                assertThat(first.submitRaw(first.get("/login"), "login", Map.of("username", account.username(),
                        "password", account.password()), "login:submit").headers().allValues("Set-Cookie"))
                        .as("the listener's SameSite settings hold without a restart")
                        .anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID=")
                                .containsIgnoringCase("SameSite=Lax"));
                String totpKey = steps.enrol(steps.newSession(), account);
                WebSession session = steps.newSession();
                Page profile = steps.code(session, steps.password(session, account.username(), account.password()),
                        Codes.code(totpKey, clock.now(), 1));
                assertThat(profile.path()).isEqualTo("/soglia/profile");
                assertThat(mail.awaitContaining(account.email(), "app di autenticazione").subject()).isNotBlank();

                assertThat(status(URI.create("http://127.0.0.1:" + httpPort + "/metrics"))).isEqualTo(404);
                assertThat(body(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")))
                        .contains("soglia_resets_redeemed_total");

                // README's upgrade: the same command with --force; nothing to migrate, and the log says the version
                int logLength = Files.readString(serverLog).length();
                asadmin.run(Map.of(), "--port", admin, "deploy", "--force=true", "--contextroot", "soglia",
                        "soglia.war");
                awaitAnswer(URI.create(baseUrl + "/login"), serverLog);
                String redeployLog = Files.readString(serverLog).substring(logLength);
                assertThat(redeployLog)
                        .containsPattern("schema at version \\d+(\\.\\d+)* \\(0 migrations applied now\\)")
                        .doesNotContain("schema at version null")
                        .contains("Soglia is running");
            } finally {
                asadmin.runQuietly("--port", admin, "undeploy", "soglia");
                asadmin.runQuietly("stop-domain", "--kill=true", DOMAIN);
            }
        }
    }

    /** Runs asadmin as a deployer types it, in the unpacked release folder, under the JDK 17 the domain runs on. */
    private record Asadmin(Path executable, Path javaHome, Path directory, Path log) {

        void run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of(executable.toString()));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true);
            builder.environment().keySet().removeIf(name -> name.startsWith("SOGLIA_"));
            builder.environment().put("AS_JAVA", javaHome.toString());
            builder.environment().put("JAVA_HOME", javaHome.toString());
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output;
            try (InputStream in = process.getInputStream()) {
                // asadmin start-domain leaves the domain holding a copy of this pipe: read until asadmin exits
                output = readUntilExit(process, in);
            }
            Files.writeString(log, "$ asadmin " + String.join(" ", arguments) + "\n" + output + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            if (process.exitValue() != 0) {
                throw new AssertionError("asadmin " + String.join(" ", arguments) + " failed (exit "
                        + process.exitValue() + "):\n" + output);
            }
        }

        void runQuietly(String... arguments) {
            try {
                run(Map.of(), arguments);
            } catch (Exception | AssertionError e) {
                System.out.println("clean-up: " + e.getMessage());
            }
        }

        private static String readUntilExit(Process process, InputStream in) throws IOException,
                InterruptedException {
            StringBuilder output = new StringBuilder();
            byte[] buffer = new byte[8192];
            Instant deadline = Instant.now().plus(COMMAND_TIMEOUT);
            while (true) {
                while (in.available() > 0) {
                    int n = in.read(buffer);
                    output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
                if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                    while (in.available() > 0) {
                        int n = in.read(buffer);
                        output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                    return output.toString();
                }
                if (Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new AssertionError("asadmin did not end within " + COMMAND_TIMEOUT + ":\n" + output);
                }
            }
        }
    }

    /** Waits until the page answers 200 (Payara answers its own 404 while it deploys). */
    private static void awaitAnswer(URI page, Path serverLog) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            try {
                var response = client.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(page + " did not answer 200 within 2 minutes; see " + serverLog);
    }

    private static int status(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String body(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Path unzipRelease(Path zip, Path work) throws IOException {
        Path target = work.resolve("release");
        deleteRecursively(target);
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("zip entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file);
                }
            }
        }
        try (Stream<Path> top = Files.list(target)) {
            return top.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new AssertionError("the release zip has no top folder: " + zip));
        }
    }

    /** A base for create-domain --portbase whose ports the domain opens are all free. */
    private static int freePortBase() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(200, 600) * 100;
            if (Stream.of(48, 80, 81, 76, 37, 38, 39, 86, 66).allMatch(offset -> isFree(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range for the Payara Server domain");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("0.0.0.0"))) {
            return socket.isBound();
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
