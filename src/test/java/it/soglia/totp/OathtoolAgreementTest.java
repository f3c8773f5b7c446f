package it.soglia.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Our codes against Debian's {@code oathtool} (OATH Toolkit), an implementation we did not write: the same key
 * and instant must give the same code, or phones would show codes Soglia refuses.
 */
class OathtoolAgreementTest {

    private static final String OATHTOOL = Files.isExecutable(Path.of("/usr/bin/oathtool"))
            ? "/usr/bin/oathtool" : "oathtool";
    private static final DateTimeFormatter OATHTOOL_NOW =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final long FROM = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final long UNTIL = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();

    private static ExecutorService pool;

    @BeforeAll
    static void oathtoolIsInstalled() {
        List<String> version = run(List.of(OATHTOOL, "--version"));
        assertThat(version.get(0)).as("oathtool --version").contains("oathtool");
        pool = Executors.newFixedThreadPool(Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors())));
    }

    @AfterAll
    static void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void sha1CodesAgreeWithOathtoolFor200RandomKeysAndInstants() {
        Random random = new Random(0x50_61_1AL);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] secret = new byte[TotpSecret.BYTES];
            random.nextBytes(secret);
            cases.add(new Case(secret, Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (UNTIL - FROM)))));
        }
        // instants where an off-by-one or a 32-bit overflow would show
        byte[] fixed = Base32.decode("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        for (String at : List.of("2000-01-01T00:00:00Z", "2026-03-02T10:15:29Z", "2026-03-02T10:15:30Z",
                "2038-01-19T03:14:07Z", "2038-01-19T03:14:08Z", "2099-12-31T23:59:59Z")) {
            cases.add(new Case(fixed, Instant.parse(at)));
        }

        assertThat(disagreements(cases, TotpPolicy.DEFAULT)).isEmpty();
    }

    @Test
    void eightDigitSha256AndSha512CodesAgreeWithOathtool() {
        Random random = new Random(0x0A7_4L);
        List<String> disagreements = new ArrayList<>();
        for (HmacAlgorithm algorithm : List.of(HmacAlgorithm.SHA256, HmacAlgorithm.SHA512)) {
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                byte[] secret = new byte[algorithm == HmacAlgorithm.SHA256 ? 32 : 64];
                random.nextBytes(secret);
                cases.add(new Case(secret, Instant.ofEpochSecond(FROM + (long) (random.nextDouble() * (UNTIL - FROM)))));
            }
            disagreements.addAll(disagreements(cases, new TotpPolicy(algorithm, 8, Duration.ofSeconds(30), 0)));
        }

        assertThat(disagreements).isEmpty();
    }

    /** One line per case where oathtool and Soglia differ, enough to reproduce it by hand. */
    private static List<String> disagreements(List<Case> cases, TotpPolicy policy) {
        List<Future<String>> results = new ArrayList<>();
        for (Case c : cases) {
            results.add(pool.submit(() -> {
                Totp totp = new Totp(policy, Clock.fixed(c.at(), ZoneOffset.UTC));
                String ours = totp.codeAt(c.secret(), totp.stepAt(c.at()));
                List<String> command = List.of(OATHTOOL, "--totp=" + policy.algorithm().name(), "-b",
                        "-d", Integer.toString(policy.digits()),
                        "--now", OATHTOOL_NOW.format(c.at()) + " UTC", Base32.encode(c.secret()));
                String theirs = String.join("|", run(command));
                return ours.equals(theirs) ? null
                        : "at " + c.at() + " key " + Base32.encode(c.secret()) + ": Soglia " + ours
                                + ", oathtool " + theirs + " (" + String.join(" ", command) + ")";
            }));
        }
        List<String> disagreements = new ArrayList<>();
        for (Future<String> result : results) {
            try {
                String line = result.get(30, TimeUnit.SECONDS);
                if (line != null) {
                    disagreements.add(line);
                }
            } catch (ExecutionException e) {
                throw new AssertionError(e.getCause().getMessage(), e.getCause());
            } catch (Exception e) {
                throw new AssertionError("oathtool did not answer", e);
            }
        }
        return disagreements;
    }

    private static List<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("oathtool did not finish: " + command);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("oathtool failed (exit " + process.exitValue() + "): " + err.strip()
                        + " for " + command);
            }
            return out.strip().lines().toList();
        } catch (IOException e) {
            throw new AssertionError("oathtool is needed for this test and could not be started ("
                    + e.getMessage() + "): install the Debian package 'oathtool' (apt-get install oathtool)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private record Case(byte[] secret, Instant at) {
    }
}
