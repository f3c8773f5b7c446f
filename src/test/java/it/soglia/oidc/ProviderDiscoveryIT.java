package it.soglia.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an application's OpenID Connect library reads before anything else: the configuration and the keys. */
class ProviderDiscoveryIT extends ProviderTest {

    @Test
    void theConfigurationNamesTheBaseUrlAsIssuerAndOnlyTheCodeFlowWithS256AndRs256() {
        HttpResponse<String> answer = application("discovery").get("/.well-known/openid-configuration");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        Map<String, Object> configuration = RelyingParty.json(answer);
        String issuer = server.baseUrl();
        assertThat(configuration.get("issuer")).isEqualTo(issuer);
        assertThat(configuration).containsEntry("authorization_endpoint", issuer + "/authorize")
                .containsEntry("token_endpoint", issuer + "/token")
                .containsEntry("userinfo_endpoint", issuer + "/userinfo")
                .containsEntry("jwks_uri", issuer + "/jwks")
                .containsEntry("end_session_endpoint", issuer + "/end-session");
        assertThat(configuration.get("response_types_supported")).isEqualTo(List.of("code"));
        assertThat(configuration.get("grant_types_supported")).isEqualTo(List.of("authorization_code"));
        assertThat(configuration.get("code_challenge_methods_supported")).isEqualTo(List.of("S256"));
        assertThat(configuration.get("id_token_signing_alg_values_supported")).isEqualTo(List.of("RS256"));
        assertThat(configuration.get("token_endpoint_auth_methods_supported"))
                .isEqualTo(List.of("client_secret_basic", "client_secret_post"));
        assertThat(configuration).containsEntry("authorization_response_iss_parameter_supported", true);
    }

    @Test
    void theKeySetHasOnlyPublicRsaSigningKeys() throws Exception {
        HttpResponse<String> answer = application("jwks").get("/jwks");

        assertThat(answer.statusCode()).isEqualTo(200);
        List<Object> keys = JSONObjectUtils.getJSONArray(JSONObjectUtils.parse(answer.body()), "keys");
        assertThat(keys).isNotEmpty();
        for (Object key : keys) {
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>) key;
            assertThat(jwk).containsEntry("kty", "RSA").containsEntry("use", "sig").containsEntry("alg", "RS256")
                    .containsKeys("kid", "n", "e")
                    .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi", "oth", "k");
        }
        assertThat(answer.body()).doesNotContain("\"d\"").doesNotContain("\"p\"");
    }
}
