package it.soglia.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What is wrong with an authorization request, as the application is told at its redirect URI. */
class AuthorizationRequestTest {

    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    @Test
    void aCodeFlowRequestWithOpenidAndS256HasNoProblem() {
        assertThat(problem(Map.of())).isEmpty();
        assertThat(problem(Map.of("prompt", "login consent", "max_age", "0", "response_mode", "query"))).isEmpty();
        assertThat(problemOf(without("code_challenge", "code_challenge_method"))).isEmpty(); // PKCE is optional
    }

    @Test
    void onlyTheCodeResponseType() {
        assertThat(problem(Map.of("response_type", "token"))).contains("unsupported_response_type");
        assertThat(problem(Map.of("response_type", "code id_token"))).contains("unsupported_response_type");
        assertThat(problemOf(without("response_type"))).contains("unsupported_response_type");
    }

    @Test
    void theOpenidScopeIsRequired() {
        assertThat(problem(Map.of("scope", "profile email"))).contains("invalid_scope");
        assertThat(problem(Map.of("scope", "openidx profile"))).contains("invalid_scope");
        assertThat(problemOf(without("scope"))).contains("invalid_scope");
    }

    @Test
    void onlyAWellFormedS256Challenge() {
        assertThat(problem(Map.of("code_challenge_method", "plain"))).contains("invalid_request");
        assertThat(problemOf(without("code_challenge_method"))).contains("invalid_request"); // plain by default
        assertThat(problem(Map.of("code_challenge", "short"))).contains("invalid_request");
        assertThat(problemOf(without("code_challenge"))).contains("invalid_request");
    }

    @Test
    void noRequestObjectsNoFragmentOrFormPostModes() {
        assertThat(problem(Map.of("request", "eyJ..."))).contains("request_not_supported");
        assertThat(problem(Map.of("request_uri", "https://a.example/r"))).contains("request_uri_not_supported");
        assertThat(problem(Map.of("response_mode", "fragment"))).contains("invalid_request");
        assertThat(problem(Map.of("response_mode", "form_post"))).contains("invalid_request");
    }

    @Test
    void promptNoneAloneAndKnownPromptsAndANumericMaxAge() {
        assertThat(problem(Map.of("prompt", "none login"))).contains("invalid_request");
        assertThat(problem(Map.of("prompt", "always"))).contains("invalid_request");
        assertThat(problem(Map.of("max_age", "-1"))).contains("invalid_request");
        assertThat(problem(Map.of("max_age", "1e3"))).contains("invalid_request");
        assertThat(problem(Map.of("max_age", "9999999999"))).contains("invalid_request");
    }

    @Test
    void anOverlongNonceOrStateIsRefused() {
        assertThat(problem(Map.of("nonce", "n".repeat(501)))).contains("invalid_request");
        assertThat(problem(Map.of("state", "s".repeat(2001)))).contains("invalid_request");
        assertThat(problem(Map.of("nonce", "n".repeat(500), "state", "s".repeat(2000)))).isEmpty();
    }

    @Test
    void theScopeKeepsTheKnownScopesInAStableOrder() {
        assertThat(new AuthorizationRequest(Map.of("scope", "email offline_access openid profile")).scope())
                .isEqualTo("openid profile email");
    }

    private static Optional<String> problem(Map<String, String> changes) {
        Map<String, String> parameters = request();
        parameters.putAll(changes);
        return problemOf(parameters);
    }

    private static Optional<String> problemOf(Map<String, String> parameters) {
        return new AuthorizationRequest(parameters).problem().map(AuthorizationRequest.Problem::error);
    }

    private static Map<String, String> without(String... names) {
        Map<String, String> parameters = request();
        for (String name : names) {
            parameters.remove(name);
        }
        return parameters;
    }

    private static Map<String, String> request() {
        return new HashMap<>(Map.of("response_type", "code", "client_id", "app", "redirect_uri",
                "https://a.example/cb", "scope", "openid profile", "state", "s", "nonce", "n",
                "code_challenge", CHALLENGE, "code_challenge_method", "S256"));
    }
}
