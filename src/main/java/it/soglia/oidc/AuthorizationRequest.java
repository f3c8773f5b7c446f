package it.soglia.oidc;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parameters of an authorization request once client and redirect URI are known to be right: what is wrong with
 * the rest is told to the application at its redirect URI ({@link #problem()}), never shown as a page of its choosing.
 */
record AuthorizationRequest(Map<String, String> parameters) {

    /** An error for the application: an OAuth error code and a description. */
    record Problem(String error, String description) {
    }

    private static final Set<String> PROMPTS = Set.of("none", "login", "consent", "select_account");

    String clientId() {
        return parameters.get("client_id");
    }

    String redirectUri() {
        return parameters.get("redirect_uri");
    }

    String state() {
        return parameters.get("state");
    }

    String nonce() {
        return parameters.get("nonce");
    }

    String codeChallenge() {
        return parameters.get("code_challenge");
    }

    /** The scopes asked for, known ones only, in a stable order ({@code openid} first). */
    String scope() {
        Set<String> asked = Set.of(parameters.getOrDefault("scope", "").split(" "));
        return java.util.stream.Stream.of("openid", "profile", "email").filter(asked::contains)
                .collect(Collectors.joining(" "));
    }

    Set<String> prompt() {
        String prompt = parameters.get("prompt");
        return prompt == null ? Set.of() : Arrays.stream(prompt.split(" ")).filter(p -> !p.isEmpty())
                .collect(Collectors.toSet());
    }

    /** {@code max_age} in seconds, if sent. */
    Optional<Long> maxAge() {
        return Optional.ofNullable(parameters.get("max_age")).map(Long::parseLong);
    }

    Optional<Problem> problem() {
        if (!"code".equals(parameters.get("response_type"))) {
            return Optional.of(new Problem("unsupported_response_type", "only response_type=code is supported"));
        }
        if (parameters.containsKey("request") || parameters.containsKey("request_uri")) {
            return Optional.of(new Problem(parameters.containsKey("request") ? "request_not_supported"
                    : "request_uri_not_supported", "request objects are not supported"));
        }
        String mode = parameters.get("response_mode");
        if (mode != null && !mode.equals("query")) {
            return Optional.of(new Problem("invalid_request", "only response_mode=query is supported"));
        }
        if (!Set.of(parameters.getOrDefault("scope", "").split(" ")).contains("openid")) {
            return Optional.of(new Problem("invalid_scope", "the scope must contain openid"));
        }
        if (codeChallenge() != null || parameters.containsKey("code_challenge_method")) {
            if (!"S256".equals(parameters.get("code_challenge_method"))) {
                return Optional.of(new Problem("invalid_request", "code_challenge_method must be S256"));
            }
            if (!Pkce.isWellFormedChallenge(codeChallenge())) {
                return Optional.of(new Problem("invalid_request", "code_challenge is not an S256 challenge"));
            }
        }
        if (!PROMPTS.containsAll(prompt()) || (prompt().contains("none") && prompt().size() > 1)) {
            return Optional.of(new Problem("invalid_request", "prompt is not none, login, consent or select_account,"
                    + " or none with another value"));
        }
        String maxAge = parameters.get("max_age");
        if (maxAge != null && !maxAge.matches("\\d{1,9}")) {
            return Optional.of(new Problem("invalid_request", "max_age is not a number of seconds"));
        }
        if (nonce() != null && nonce().length() > 500 || state() != null && state().length() > 2000) {
            return Optional.of(new Problem("invalid_request", "nonce or state too long"));
        }
        return Optional.empty();
    }
}
