package it.soglia.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.SogliaServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A deployer's typo stops the deployment at once, with a message naming the key, not a user's sign-in later. */
@ExtendWith(SogliaServerExtension.class)
class MisconfigurationIT {

    private static final Path PAYARA = Path.of(System.getProperty("soglia.it.payaraJar", "target/payara-micro.jar"));
    private static final Path WORK = Path.of(System.getProperty("soglia.it.workDir", "target/it"));

    @Test
    void malformedSettingsStopTheDeploymentNamingEachKey() throws IOException {
        Path work = WORK.resolve("misconfigured-settings");
        Files.deleteIfExists(work.resolve("payara.log")); // appended to: only this start's lines may count

        assertThatThrownBy(() -> SogliaServer.start(PAYARA, null, work,
                Map.of("soglia.code.lock-duration", "15min", "soglia.mail.max-attempts", "many")).close())
                .hasMessageContaining("Soglia failed to deploy");
        assertThat(Files.readString(work.resolve("payara.log")))
                .contains("Soglia cannot start: soglia.code.lock-duration must be an ISO-8601 duration such as PT15M"
                        + " (15 minutes) or PT30S; it is: 15min")
                .contains("Soglia cannot start: soglia.mail.max-attempts must be a whole number; it is: many");
    }

    @Test
    void aDatabaseUrlSogliaCannotUseStopsTheDeploymentNamingTheKey() throws IOException {
        Path work = WORK.resolve("misconfigured-database");
        Files.deleteIfExists(work.resolve("payara.log"));

        assertThatThrownBy(() -> SogliaServer.start(PAYARA, null, work,
                Map.of("soglia.db.url", "jdbc:mysql://db.example.com/soglia")).close())
                .hasMessageContaining("Soglia failed to deploy");
        assertThat(Files.readString(work.resolve("payara.log")))
                .contains("Soglia cannot start: soglia.db.url must be a jdbc:postgresql: or jdbc:h2: URL");
    }

    @Test
    void aNodeWithAnotherEncryptionKeyThanTheDatabasesStopsItsDeployment(SogliaServer running) throws IOException {
        SignInSteps steps = new SignInSteps(running);
        steps.enrol(steps.newSession(), running.accounts().create("key")); // a secret encrypted with the first key
        Path work = WORK.resolve("misconfigured-key");
        Files.deleteIfExists(work.resolve("payara.log"));

        // a second node on the same database, started with a key of its own (every start draws a new one)
        assertThatThrownBy(() -> SogliaServer.start(PAYARA, null, work,
                Map.of("soglia.db.url", running.database().url())).close())
                .hasMessageContaining("Soglia failed to deploy");
        assertThat(Files.readString(work.resolve("payara.log")))
                .contains("Soglia cannot start: soglia.crypto.key is not the key the authenticator secrets in this"
                        + " database were encrypted with");
    }
}
