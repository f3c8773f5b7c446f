package it.soglia.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.soglia.testing.TestClients.TestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An application signing its users in through Soglia, as an OpenID Connect library would: it builds the
 * authorization request (state, nonce, PKCE S256), redeems codes at {@code /token} with its secret, reads
 * {@code /userinfo}, and believes an ID token only after checking its RS256 signature against {@code /jwks} itself.
 */
public final class RelyingParty {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** How the application sends its secret to {@code /token}. */
    public enum ClientAuth { BASIC, POST, BOTH }

    /** One authorization request as the application sent it: what it must check when the user comes back. */
    public record Request(String path, String state, String nonce, String verifier) {
    }

    private final String baseUrl;
    private final TestClient client;

    public RelyingParty(String baseUrl, TestClient client) {
        this.baseUrl = baseUrl;
        this.client = client;
    }

    public TestClient client() {
        return client;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** A code-flow request with state, nonce and PKCE S256, for scopes openid profile email; {@code extra} wins. */
    public Request authorize(Map<String, String> extra) {
        String verifier = random();
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("response_type", "code");
        parameters.put("client_id", client.clientId());
        parameters.put("redirect_uri", client.redirectUri());
        parameters.put("scope", "openid profile email");
        parameters.put("state", random());
        parameters.put("nonce", random());
        parameters.put("code_challenge", s256(verifier));
        parameters.put("code_challenge_method", "S256");
        parameters.putAll(extra);
        parameters.values().removeIf(value -> value == null); // a null in extra: the parameter is not sent
        return new Request("/authorize?" + form(parameters), parameters.get("state"), parameters.get("nonce"),
                parameters.containsKey("code_challenge") ? verifier : null);
    }

    public Request authorize() {
        return authorize(Map.of());
    }

    /** The token request for {@code code}, with the redirect URI and verifier of {@code request}. */
    public HttpResponse<String> redeem(String code, Request request) {
        return token(code, client.redirectUri(), request.verifier(), ClientAuth.BASIC, client.secret());
    }

    HttpResponse<String> token(String code, String redirectUri, String verifier, ClientAuth auth, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        if (verifier != null) {
            form.put("code_verifier", verifier);
        }
        return token(form, auth, secret);
    }

    /** A token request with this form, the client's id and {@code secret} sent as {@code auth} says. */
    HttpResponse<String> token(Map<String, String> form, ClientAuth auth, String secret) {
        Map<String, String> body = new LinkedHashMap<>(form);
        if (auth != ClientAuth.BASIC) {
            body.put("client_id", client.clientId());
            body.put("client_secret", secret);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)));
        if (auth != ClientAuth.POST) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (encode(client.clientId()) + ":" + encode(secret)).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request);
    }

    /** The JSON of a successful token answer, after asserting it is one. */
    public Map<String, Object> tokensFrom(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("token answer %s", answer.body()).isEqualTo(200);
        return json(answer);
    }

    public HttpResponse<String> userinfo(String accessToken) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + "/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET());
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    public JWKSet jwks() {
        try {
            return JWKSet.parse(get("/jwks").body());
        } catch (ParseException e) {
            throw new AssertionError("/jwks is not a JWK set", e);
        }
    }

    /**
     * The claims of an ID token whose RS256 signature verifies with a key of {@code /jwks} named by its kid, as an
     * application's library checks it; fails the test otherwise.
     */
    public JWTClaimsSet verifiedIdToken(String idToken) {
        try {
            SignedJWT jwt = SignedJWT.parse(idToken);
            assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            JWK key = jwks().getKeyByKeyId(jwt.getHeader().getKeyID());
            assertThat(key).as("the token's kid is published at /jwks").isNotNull();
            assertThat(jwt.verify(new RSASSAVerifier(key.toRSAKey()))).as("signature by the published key").isTrue();
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("not a signed JWT: " + idToken, e);
        }
    }

    static Map<String, Object> json(HttpResponse<String> answer) {
        try {
            return JSONObjectUtils.parse(answer.body());
        } catch (ParseException e) {
            throw new AssertionError("not JSON (" + answer.statusCode() + "): " + answer.body(), e);
        }
    }

    /** The S256 challenge, computed here as an application's library does, not with Soglia's own code. */
    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.security.MessageDigest
                    .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
