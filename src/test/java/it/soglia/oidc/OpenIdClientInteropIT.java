package it.soglia.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import it.soglia.testing.Codes;
import it.soglia.testing.SignInSteps;
import it.soglia.testing.SogliaServer;
import it.soglia.testing.SogliaServerExtension;
import it.soglia.testing.TestAccount;
import it.soglia.testing.TestClients.TestClient;
import it.soglia.testing.WebSession;
import it.soglia.testing.WebSession.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application built on openid-client (Node, a certified OpenID Connect relying party library) signs a user in
 * through Soglia exactly as its documentation shows: discovery, PKCE S256, state and nonce; the code redeemed with
 * client_secret_basic, then with client_secret_post; the ID token checked by the library against Soglia's JWKS;
 * the UserInfo endpoint asked. The user's part (password and code) is typed over HTTP; the browser's last step, the
 * redirect back to the application, is handed to the library as the URL it would have received.
 */
@ExtendWith(SogliaServerExtension.class)
class OpenIdClientInteropIT {

    private static final Path NODE_RP = Path.of(System.getProperty("soglia.it.nodeRp", "target/node-rp"));
    /** Nothing listens there: the test takes the redirect's address and never opens it. */
    private static final String REDIRECT_URI = "http://127.0.0.1:9/openid-client/callback";

    private final SogliaServer server;
    private final SignInSteps steps;

    OpenIdClientInteropIT(SogliaServer server) {
        this.server = server;
        this.steps = new SignInSteps(server);
    }

    @ParameterizedTest(name = "client_secret_{0}")
    @ValueSource(strings = {"basic", "post"})
    void openIdClientSignsInVerifiesTheIdTokenAndReadsUserInfo(String clientAuthentication) throws Exception {
        TestClient client = server.clients().register("openid-client", List.of(REDIRECT_URI), List.of());
        TestAccount account = server.accounts().create("nodeuser");
        String key = steps.enrol(steps.newSession(), account);

        try (RelyingParty application = RelyingParty.start(server, client, clientAuthentication)) {
            String authorizationUrl = application.authorizationUrl();
            assertThat(authorizationUrl).startsWith(server.baseUrl() + "/authorize?")
                    .contains("code_challenge_method=S256").contains("nonce=").contains("state=");

            Instant beforeSignIn = server.clock().now().minusSeconds(1);
            String callback = signIn(account, key, authorizationUrl);
            Instant afterSignIn = server.clock().now().plusSeconds(1);
            JsonObject result = application.redeem(callback);

            JsonObject claims = result.getJsonObject("claims");
            assertThat(claims.getString("iss")).isEqualTo(server.baseUrl());
            assertThat(claims.getString("sub")).isEqualTo(Long.toString(account.id()));
            assertThat(claims.getString("preferred_username")).isEqualTo(account.username());
            assertThat(claims.getString("name")).isEqualTo("Test nodeuser");
            assertThat(claims.getString("email")).isEqualTo(account.email());
            assertThat(strings(claims, "amr")).containsExactly("pwd", "otp");
            assertThat(strings(claims, "groups")).containsExactly("USER");
            assertThat(Instant.ofEpochSecond(claims.getJsonNumber("auth_time").longValue()))
                    .isBetween(beforeSignIn.minusSeconds(1), afterSignIn);

            JsonObject userinfo = result.getJsonObject("userinfo");
            assertThat(userinfo.getString("sub")).isEqualTo(claims.getString("sub"));
            assertThat(userinfo.getString("preferred_username")).isEqualTo(account.username());
            assertThat(userinfo.getString("name")).isEqualTo("Test nodeuser");
            assertThat(userinfo.getString("email")).isEqualTo(account.email());
            assertThat(strings(userinfo, "groups")).containsExactly("USER");

            assertThat(result.getString("tokenType")).isEqualToIgnoringCase("bearer");
            assertThat(result.getJsonNumber("expiresIn").longValue()).isBetween(1L, 300L);
            assertThat(result.isNull("refreshToken")).as("no refresh tokens").isTrue();
        }
    }

    /** A wrong secret: Soglia refuses the code's redemption (invalid_client), the library signs nobody in. */
    @ParameterizedTest(name = "client_secret_{0}")
    @ValueSource(strings = {"basic", "post"})
    void aWrongClientSecretIsRefusedAndTheLibrarySaysWhy(String clientAuthentication) throws Exception {
        TestClient registered = server.clients().register("openid-client", List.of(REDIRECT_URI), List.of());
        TestClient wrongSecret = new TestClient(registered.id(), registered.clientId(), registered.secret() + "x",
                registered.redirectUris(), registered.postLogoutUris());
        TestAccount account = server.accounts().create("nodewrong");
        String key = steps.enrol(steps.newSession(), account);

        try (RelyingParty application = RelyingParty.start(server, wrongSecret, clientAuthentication)) {
            String callback = signIn(account, key, application.authorizationUrl());
            RelyingParty.Failure failure = application.redeemFailing(callback);
            assertThat(failure.standardError()).contains("invalid_client");
        }
    }

    /**
     * Password and code at Soglia, as a browser sends them, starting from the application's authorization URL;
     * returns the address Soglia sends the browser back to (not opened).
     */
    private String signIn(TestAccount account, String key, String authorizationUrl) {
        WebSession session = steps.newSession();
        HttpResponse<String> authorize = session.raw(withinSoglia(URI.create(authorizationUrl)));
        URI login = redirectOf(authorize);
        assertThat(login.getPath()).isEqualTo("/soglia/login");
        Page loginPage = session.get(withinSoglia(login));
        Page codePage = session.submit(loginPage, "login",
                Map.of("username", account.username(), "password", account.password()), "login:submit");
        assertThat(codePage.path()).isEqualTo("/soglia/code");
        HttpResponse<String> answer = session.submitRaw(codePage, "code",
                Map.of("code", Codes.code(key, server.clock().now(), 1)), "code:submit"); // enrolment used step 0
        for (int hops = 0; hops < 5; hops++) {
            URI next = redirectOf(answer);
            if (next.toString().startsWith(REDIRECT_URI + "?")) {
                return next.toString();
            }
            answer = session.raw(withinSoglia(next));
        }
        throw new AssertionError("the sign-in did not go back to the application");
    }

    private URI redirectOf(HttpResponse<String> response) {
        assertThat(response.statusCode()).as("redirect from %s", response.uri()).isBetween(300, 399);
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
    }

    /** The part of a Soglia address after the context root, as WebSession takes it. */
    private String withinSoglia(URI uri) {
        String address = uri.toString();
        assertThat(address).startsWith(server.baseUrl());
        return address.substring(server.baseUrl().length());
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    /**
     * The Node application (target/node-rp/openid-client-rp.mjs, openid-client installed beside it by the build):
     * prints the authorization URL, reads the callback URL, prints what the library verified and fetched.
     */
    private static final class RelyingParty implements AutoCloseable {

        record Failure(int exitCode, String standardError) {
        }

        private final Process process;
        private final BufferedReader output;
        private final Path errors;

        private RelyingParty(Process process, Path errors) {
            this.process = process;
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.errors = errors;
        }

        static RelyingParty start(SogliaServer server, TestClient client, String clientAuthentication)
                throws IOException {
            Path script = NODE_RP.resolve("openid-client-rp.mjs");
            if (!Files.isDirectory(NODE_RP.resolve("node_modules/openid-client"))) {
                throw new IllegalStateException("openid-client is missing in " + NODE_RP.toAbsolutePath()
                        + ": the build installs it with npm ci in pre-integration-test (mvn verify)");
            }
            Path errors = Files.createTempFile("openid-client-rp", ".err");
            ProcessBuilder builder = new ProcessBuilder("node", script.toString())
                    .redirectError(errors.toFile());
            builder.environment().putAll(Map.of("SOGLIA_ISSUER", server.baseUrl(),
                    "SOGLIA_CLIENT_ID", client.clientId(), "SOGLIA_CLIENT_SECRET", client.secret(),
                    "SOGLIA_REDIRECT_URI", client.redirectUri(), "SOGLIA_CLIENT_AUTH", clientAuthentication));
            return new RelyingParty(builder.start(), errors);
        }

        String authorizationUrl() throws Exception {
            return json(nextLine()).getString("authorizationUrl");
        }

        JsonObject redeem(String callbackUrl) throws Exception {
            send(callbackUrl);
            return json(nextLine());
        }

        Failure redeemFailing(String callbackUrl) throws Exception {
            send(callbackUrl);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError("openid-client did not end within 60 s");
            }
            assertThat(process.exitValue()).as("exit code of the Node application").isNotZero();
            return new Failure(process.exitValue(), Files.readString(errors));
        }

        private void send(String line) throws IOException {
            Writer input = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            input.write(line + "\n");
            input.flush();
        }

        /** The next line the application prints; its standard error in the failure when it printed none. */
        private String nextLine() throws Exception {
            CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
                try {
                    return output.readLine();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try {
                String read = line.get(60, TimeUnit.SECONDS);
                if (read == null) {
                    process.waitFor(10, TimeUnit.SECONDS);
                    throw new AssertionError("openid-client ended" + (process.isAlive() ? "" : " with exit code "
                            + process.exitValue()) + ": " + Files.readString(errors));
                }
                return read;
            } catch (TimeoutException | ExecutionException e) {
                throw new AssertionError("openid-client printed nothing within 60 s: " + Files.readString(errors), e);
            }
        }

        private static JsonObject json(String line) {
            try (JsonReader reader = Json.createReader(new StringReader(line))) {
                return reader.readObject();
            }
        }

        @Override
        public void close() throws IOException {
            process.destroy();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.deleteIfExists(errors);
        }
    }
}
