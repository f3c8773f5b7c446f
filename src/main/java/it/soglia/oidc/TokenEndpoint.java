package it.soglia.oidc;

import it.soglia.security.Origins;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * {@code /token}: the application redeems its code, authenticating with its secret in the Authorization header
 * ({@code client_secret_basic}) or in the form ({@code client_secret_post}). Only the {@code authorization_code}
 * grant: no implicit, no password, no refresh.
 */
@WebServlet(urlPatterns = Endpoints.TOKEN)
public class TokenEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientRegistry clients;

    @Inject
    TokenExchange exchange;

    @Inject
    ProviderSettings settings;

    /** A client's id and secret as sent, and how. */
    private record ClientCredentials(String clientId, String secret, boolean basic) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Allow", "POST");
        JsonAnswers.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "invalid_request", "use POST");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<ClientCredentials> credentials = credentialsOf(request);
        if (credentials.isEmpty()) {
            JsonAnswers.error(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_request",
                    "send the client's credentials once: in the Authorization header or in the form");
            return;
        }
        Optional<OidcClient> client = clients.authenticate(credentials.get().clientId(), credentials.get().secret());
        if (client.isEmpty()) {
            if (credentials.get().basic()) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"soglia\"");
            }
            JsonAnswers.error(response, HttpServletResponse.SC_UNAUTHORIZED, "invalid_client",
                    "unknown client, wrong secret or disabled client");
            return;
        }
        if (!"authorization_code".equals(request.getParameter("grant_type"))) {
            JsonAnswers.error(response, HttpServletResponse.SC_BAD_REQUEST, "unsupported_grant_type",
                    "only grant_type=authorization_code is supported");
            return;
        }
        TokenExchange.Outcome outcome = exchange.redeem(client.get(), request.getParameter("code"),
                request.getParameter("redirect_uri"), request.getParameter("code_verifier"), Origins.of(request));
        if (!outcome.isIssued()) {
            JsonAnswers.error(response, HttpServletResponse.SC_BAD_REQUEST, "invalid_grant",
                    "the code is unknown, used, expired, or not for this client, redirect URI or code verifier");
            return;
        }
        JsonAnswers.send(response, HttpServletResponse.SC_OK, Json.createObjectBuilder()
                .add("access_token", outcome.accessToken())
                .add("token_type", "Bearer")
                .add("expires_in", settings.tokenLifetime().toSeconds())
                .add("scope", outcome.scope())
                .add("id_token", outcome.idToken())
                .build());
    }

    /** The credentials, sent one way only; empty when none or both ways were used. */
    private static Optional<ClientCredentials> credentialsOf(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        String formId = request.getParameter("client_id");
        String formSecret = request.getParameter("client_secret");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (formSecret != null) {
                return Optional.empty();
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) {
                    return Optional.empty();
                }
                // RFC 6749 §2.3.1: both parts are form-encoded before they are joined
                String id = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                if (formId != null && !formId.equals(id)) {
                    return Optional.empty();
                }
                return Optional.of(new ClientCredentials(id,
                        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8), true));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (formId != null && formSecret != null) {
            return Optional.of(new ClientCredentials(formId, formSecret, false));
        }
        return Optional.empty();
    }
}
