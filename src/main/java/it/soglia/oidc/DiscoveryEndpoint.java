package it.soglia.oidc;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * {@code /.well-known/openid-configuration}: what an application's OpenID Connect library reads to find the other
 * endpoints and what they support. Every address comes from {@code soglia.base-url}, never from the request.
 */
@WebServlet(urlPatterns = Endpoints.DISCOVERY)
public class DiscoveryEndpoint extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ProviderSettings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonAnswers.send(response, HttpServletResponse.SC_OK, Json.createObjectBuilder()
                .add("issuer", settings.issuer())
                .add("authorization_endpoint", settings.endpoint(Endpoints.AUTHORIZE))
                .add("token_endpoint", settings.endpoint(Endpoints.TOKEN))
                .add("userinfo_endpoint", settings.endpoint(Endpoints.USERINFO))
                .add("jwks_uri", settings.endpoint(Endpoints.JWKS))
                .add("end_session_endpoint", settings.endpoint(Endpoints.END_SESSION))
                .add("response_types_supported", array(List.of("code")))
                .add("response_modes_supported", array(List.of("query")))
                .add("grant_types_supported", array(List.of("authorization_code")))
                .add("subject_types_supported", array(List.of("public")))
                .add("id_token_signing_alg_values_supported", array(List.of("RS256")))
                .add("token_endpoint_auth_methods_supported",
                        array(List.of("client_secret_basic", "client_secret_post")))
                .add("code_challenge_methods_supported", array(List.of("S256")))
                .add("scopes_supported", array(List.of("openid", "profile", "email")))
                .add("claims_supported", array(UserClaims.SUPPORTED))
                .add("prompt_values_supported", array(List.of("none", "login", "consent", "select_account")))
                .add("ui_locales_supported", array(List.of("it", "en")))
                .add("authorization_response_iss_parameter_supported", true)
                .add("request_parameter_supported", false)
                .add("request_uri_parameter_supported", false)
                .add("claims_parameter_supported", false)
                .build());
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }
}
