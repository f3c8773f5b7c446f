package it.soglia.config;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.WebSession.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Soglia on an H2 file database of its own, started twice: first with the demo accounts (their passwords are in the
 * README), then as production starts, with {@code soglia.demo.accounts=false}. What an auditor checks on the disk and
 * in the log.
 */
class DemoAccountsAndDataFilesIT {

    private static final Path PAYARA = Path.of(System.getProperty("soglia.it.payaraJar", "target/payara-micro.jar"));
    private static final Path WORK = Path.of(System.getProperty("soglia.it.workDir", "target/it")).resolve("demo-accounts");

    @Test
    void theDatabaseFilesAreTheOwnersOnlyAndDemoAccountsWithPublicPasswordsAreRefusedOnceTheDemoIsOff()
            throws Exception {
        deleteRecursively(WORK);
        Path h2 = WORK.resolve("h2").toAbsolutePath();
        String url = "jdbc:h2:file:" + h2.resolve("soglia");

        try (SogliaServer demo = SogliaServer.start(PAYARA, null, WORK,
                Map.of("soglia.db.url", url, "soglia.demo.accounts", "true"))) {
            assertThat(permissions(h2)).isEqualTo("rwx------");
            assertThat(permissions(h2.resolve("soglia.mv.db"))).isEqualTo("rw-------");
            Page signedIn = new SignInSteps(demo).password(new SignInSteps(demo).newSession(), "mario.rossi",
                    "soglia-mario-2026");
            assertThat(signedIn.path()).endsWith("/enroll"); // the demo account works in the demo
        }

        Files.deleteIfExists(WORK.resolve("payara.log")); // appended to: only the second start's lines may count
        try (SogliaServer production = SogliaServer.start(PAYARA, null, WORK,
                Map.of("soglia.db.url", url, "soglia.demo.accounts", "false"))) {
            SignInSteps steps = new SignInSteps(production);
            for (String[] demo : new String[][] {{"admin", "soglia-admin-2026"}, {"mario.rossi", "soglia-mario-2026"},
                    {"anna.bianchi", "soglia-anna-2026"}}) {
                Page refused = steps.password(steps.newSession(), demo[0], demo[1]);

                assertThat(refused.path()).as(demo[0]).endsWith("/login");
                assertThat(refused.messages()).as(demo[0]).contains("Nome utente o password non validi.");
            }
            assertThat(production.payara().logLinesContaining("the demo accounts admin, mario.rossi, anna.bianchi"))
                    .hasSize(1);
            assertThat(permissions(h2.resolve("soglia.mv.db"))).isEqualTo("rw-------");
        }
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> paths = Files.walk(directory)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
