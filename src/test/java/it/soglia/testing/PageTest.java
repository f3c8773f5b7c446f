package it.soglia.testing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Base of the integration tests that go through the real pages over HTTP, on the run's one server. */
@ExtendWith(SogliaServerExtension.class)
public abstract class PageTest {

    protected static SogliaServer server;
    protected static SignInSteps steps;
    protected static TestAccounts accounts;

    @BeforeAll
    static void useServer(SogliaServer sogliaServer) {
        server = sogliaServer;
        steps = new SignInSteps(sogliaServer);
        accounts = sogliaServer.accounts();
    }
}
