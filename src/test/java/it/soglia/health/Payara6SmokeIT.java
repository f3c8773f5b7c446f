package it.soglia.health;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.TestAccount;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The same WAR on the Payara 6 line under JDK 17, for deployers who have not moved to Payara 7: it deploys, and a
 * user enrols and signs in with a code.
 */
class Payara6SmokeIT {

    @Test
    void theWarDeploysOnPayaraMicro6UnderJdk17AndAUserSignsIn() throws Exception {
        Path payara6 = Path.of(System.getProperty("soglia.it.payara6Jar", "target/payara-micro-6.jar"));
        Path java17 = Path.of(System.getProperty("soglia.it.java17", "/usr/lib/jvm/java-17-openjdk-amd64/bin/java"));
        Path work = Path.of(System.getProperty("soglia.it.workDir", "target/it")).resolve("payara6");

        try (SogliaServer server = SogliaServer.start(payara6, java17, work)) {
            assertThat(server.payara().logLinesContaining("Payara Micro 6.")).isNotEmpty();
            assertThat(ProcessHandle.of(server.payara().pid()).orElseThrow().info().command().orElseThrow())
                    .startsWith(java17.toRealPath().getParent().getParent().toString());
            SignInSteps steps = new SignInSteps(server);
            TestAccount account = server.accounts().create("payara6");
            String key = steps.enrol(steps.newSession(), account);

            WebSession session = steps.newSession();
            Page profile = steps.code(session, steps.password(session, account.username(), account.password()),
                    Codes.code(key, server.clock().now(), 1));

            assertThat(profile.path()).isEqualTo("/soglia/profile");
            assertThat(server.mail().awaitContaining(account.email(), "app di autenticazione").subject()).isNotBlank();
        }
    }
}
