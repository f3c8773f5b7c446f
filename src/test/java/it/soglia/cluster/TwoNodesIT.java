package it.soglia.cluster;

import static it.soglia.testing.SogliaCluster.NodeName.A;
import static it.soglia.testing.SogliaCluster.NodeName.B;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import it.soglia.oidc.RelyingParty;
import it.soglia.oidc.UserAtSoglia;
import it.soglia.testing.Codes;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaCluster;
import it.soglia.testing.SogliaClusterExtension;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestClients;
import it.soglia.testing.TestClients.TestClient;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Payara Micro nodes on one PostgreSQL, in one Hazelcast cluster, as deployers run them behind a load balancer:
 * a user may be sent to either node at any request, and what one node decided holds on the other.
 */
@ExtendWith(SogliaClusterExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final String WRONG_CODE = "Codice non valido.";

    private final SogliaCluster cluster;
    private final SignInSteps onA;
    private final SignInSteps onB;

    TwoNodesIT(SogliaCluster cluster) {
        this.cluster = cluster;
        this.onA = cluster.steps(A);
        this.onB = cluster.steps(B);
    }

    @Test
    @Order(1)
    void theSchemaOfAnEmptyPostgreSqlDatabaseComesFromTheMigrations() throws IOException {
        List<String> migrations;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.map(file -> file.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1")).sorted()
                    .toList();
        }

        List<String> applied = cluster.database().column(
                "select version from flyway_schema_history where success and version is not null order by version");

        assertThat(applied).containsAll(migrations).contains("12.1"); // and the Java one, FillAccountSearchKeys
        assertThat(cluster.database().column("select count(*) from flyway_schema_history where not success"))
                .containsExactly("0");
        assertThat(cluster.database().column("select count(*) from account")).containsExactly("0");
    }

    @Test
    @Order(2)
    void firstAccessDailySignInAndAMailedResetWorkOnPostgreSql() {
        TestAccount account = cluster.accounts().create("pg");
        String key = onA.enrol(onA.newSession(), account);
        WebSession daily = onA.newSession();
        Page profile = onA.code(daily, onA.password(daily, account.username(), account.password()),
                Codes.code(key, cluster.clock().now(), 1)); // the enrolment used this step's code
        assertThat(profile.path()).isEqualTo("/soglia/profile");

        WebSession lost = onA.newSession();
        onA.askResetLink(lost, account, account.email());
        Page done = onA.redeem(lost, cluster.mail().awaitResetLink(account.email()).resetPath());
        assertThat(done.status()).isEqualTo(200);

        WebSession after = onA.newSession();
        Page again = onA.password(after, account.username(), account.password());
        assertThat(again.path()).isEqualTo("/soglia/enroll"); // first-access condition: the QR code again
        assertThat(SignInSteps.keyOn(again)).isNotEqualTo(key);
    }

    @Test
    @Order(3)
    void thePasswordOnOneNodeAndTheCodeOnTheOther() {
        TestAccount account = cluster.accounts().create("hop");
        String key = onA.enrol(onA.newSession(), account);
        WebSession session = onA.newSession();
        onA.password(session, account.username(), account.password());

        Page codeOnB = session.switchTo(cluster.baseUrl(B)).get("/code");
        assertThat(codeOnB.path()).isEqualTo("/soglia/code");
        Page profile = onB.code(session, codeOnB, Codes.code(key, cluster.clock().now(), 1));

        assertThat(profile.path()).isEqualTo("/soglia/profile");
        assertThat(profile.uri().getPort()).isEqualTo(java.net.URI.create(cluster.baseUrl(B)).getPort());
        assertThat(session.switchTo(cluster.baseUrl(A)).get("/profile").path()).isEqualTo("/soglia/profile");
    }

    @Test
    @Order(4)
    void aCodeAcceptedOnOneNodeIsRefusedOnTheOther() {
        TestAccount account = cluster.accounts().create("replay");
        String key = onA.enrol(onA.newSession(), account);
        String code = Codes.code(key, cluster.clock().now(), 1);
        WebSession first = onA.newSession();
        assertThat(onA.code(first, onA.password(first, account.username(), account.password()), code).path())
                .isEqualTo("/soglia/profile");

        WebSession second = onB.newSession();
        Page again = onB.code(second, onB.password(second, account.username(), account.password()), code);

        assertThat(again.path()).isEqualTo("/soglia/code");
        assertThat(again.messages()).startsWith(WRONG_CODE);
    }

    @Test
    @Order(5)
    void theCodeLockCountsWrongCodesSentToBothNodes() {
        TestAccount account = cluster.accounts().create("lock");
        String key = onA.enrol(onA.newSession(), account);
        WebSession toA = onA.newSession();
        WebSession toB = onB.newSession();
        Page pageA = onA.password(toA, account.username(), account.password());
        Page pageB = onB.password(toB, account.username(), account.password());

        for (int i = 0; i < 2; i++) {
            pageA = onA.code(toA, pageA, Codes.wrongCode(key, cluster.clock().now()));
            pageB = onB.code(toB, pageB, Codes.wrongCode(key, cluster.clock().now()));
        }
        assertThat(pageB.messages()).startsWith(WRONG_CODE); // four wrong codes: not locked yet
        Page fifth = onA.code(toA, pageA, Codes.wrongCode(key, cluster.clock().now()));
        Page rightCodeOnB = onB.code(toB, pageB, Codes.code(key, cluster.clock().now(), 1));

        assertThat(fifth.messages()).startsWith("Troppi codici errati di seguito");
        assertThat(rightCodeOnB.path()).isEqualTo("/soglia/code");
        assertThat(rightCodeOnB.messages()).startsWith("Troppi codici errati di seguito");
    }

    @Test
    @Order(6)
    void aMailIsSentOnceThoughBothNodesDeliverTheOutbox() throws InterruptedException {
        TestAccount account = cluster.accounts().create("once");
        onA.enrol(onA.newSession(), account); // its "authenticator enrolled" notice, then a reset link
        WebSession lost = onB.newSession();
        onB.askResetLink(lost, account, account.email());
        cluster.mail().awaitResetLink(account.email());

        // both nodes poll the outbox every 0.5 s: give each many rounds to send it again, then count
        TimeUnit.SECONDS.sleep(4);

        assertThat(cluster.mail().to(account.email())).hasSize(2);
        assertThat(cluster.mail().resetLinks(account.email())).hasSize(1);
        assertThat(cluster.database().column("select status from mail_outbox where recipient = ?", account.email()))
                .containsOnly("SENT").hasSize(2);
    }

    @Test
    @Order(7)
    void anApplicationsSignInOnNodeAIsRedeemedOnNodeBWithTheSameSigningKey() {
        TestClient client = new TestClients(cluster.database()).register("cluster", List.of("http://127.0.0.1:9/cb"),
                List.of());
        TestAccount account = cluster.accounts().create("oidc");
        UserAtSoglia user = UserAtSoglia.enrolled(cluster.baseUrl(A), onA, cluster.clock(), account);
        RelyingParty throughA = new RelyingParty(cluster.baseUrl(A), client);
        RelyingParty throughB = new RelyingParty(cluster.baseUrl(B), client);
        RelyingParty.Request request = throughA.authorize();
        String code = user.signInThrough(request.path()).code(); // /authorize, password and code on node A

        Map<String, Object> tokens = throughB.tokensFrom(throughB.redeem(code, request));

        JWTClaimsSet id = throughB.verifiedIdToken((String) tokens.get("id_token")); // against node B's /jwks
        throughA.verifiedIdToken((String) tokens.get("id_token"));
        assertThat(id.getSubject()).isEqualTo(String.valueOf(account.id()));
        assertThat(id.getIssuer()).isEqualTo(cluster.baseUrl(A)); // both nodes are the one issuer of soglia.base-url
        var userinfo = throughB.userinfo((String) tokens.get("access_token"));
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(userinfo.body()).contains(account.username());
        assertThat(throughB.jwks().toJSONObject()).isEqualTo(throughA.jwks().toJSONObject());
        assertThat(throughA.jwks().getKeys()).isNotEmpty();
    }

    @Test
    @Order(100) // last: node A is gone afterwards
    void whenNodeADiesMidSignInTheUserFinishesOnNodeB() throws IOException {
        TestAccount account = cluster.accounts().create("failover");
        String key = onA.enrol(onA.newSession(), account);
        WebSession session = onA.newSession();
        onA.password(session, account.username(), account.password());

        cluster.kill(A);
        assertThat(cluster.payara(A).isAlive()).isFalse();

        Page codeOnB = session.switchTo(cluster.baseUrl(B)).get("/code");
        assertThat(codeOnB.path()).isEqualTo("/soglia/code");
        Page profile = onB.code(session, codeOnB, Codes.code(key, cluster.clock().now(), 1));
        assertThat(profile.path()).isEqualTo("/soglia/profile");
    }
}
