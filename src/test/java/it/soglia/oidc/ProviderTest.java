package it.soglia.oidc;

import it.soglia.testing.PageTest;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestClients.TestClient;
import java.util.List;
import java.util.Map;

/** Base of the provider's integration tests: applications, enrolled users and the audit trail of the run's server. */
abstract class ProviderTest extends PageTest {

    /** Where applications are sent back: nothing listens there, the test reads the redirect's Location. */
    static final String CALLBACK = "http://127.0.0.1:9/cb";
    static final String LOGGED_OUT = "http://127.0.0.1:9/logged-out";

    static RelyingParty application(String name) {
        return application(name, "");
    }

    static RelyingParty application(String name, String allowedRoles) {
        TestClient client = server.clients().register(name, List.of(CALLBACK, CALLBACK + "/other"),
                List.of(LOGGED_OUT), allowedRoles);
        return new RelyingParty(server.baseUrl(), client);
    }

    static UserAtSoglia enrolledUser(String name) {
        return enrolledUser(name, "USER");
    }

    static UserAtSoglia enrolledUser(String name, String role) {
        TestAccount account = accounts.create(name, role, true);
        return UserAtSoglia.enrolled(server.baseUrl(), steps, server.clock(), account);
    }

    /** The application's tokens for a user who signs in through it now. */
    static Map<String, Object> signedInTokens(RelyingParty application, UserAtSoglia user) {
        RelyingParty.Request request = application.authorize();
        String code = user.signInThrough(request.path()).code();
        return application.tokensFrom(application.redeem(code, request));
    }

    /** The details of the audit entries of {@code type} about the application, oldest first. */
    static List<String> auditDetails(String type, RelyingParty application) {
        return server.database().column("select coalesce(detail, '') from audit_event where type = ? and subject = ?"
                + " order by occurred_at, id", type, application.client().clientId());
    }

    /** Who the audit entries of {@code type} about the application name as actor. */
    static List<String> auditActors(String type, RelyingParty application) {
        return server.database().column("select actor from audit_event where type = ? and subject = ?"
                + " order by occurred_at, id", type, application.client().clientId());
    }
}
