package it.soglia.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.PlainHeader;
import it.soglia.oidc.RelyingParty.ClientAuth;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the token and userinfo endpoints refuse, as the application (or whoever holds a stolen code or a forged
 * token) observes it: an OAuth error, nothing issued, and the refusal in the audit trail.
 */
class TokenRefusalsIT extends ProviderTest {

    @Test
    void aCodeRedeemedTwiceIsRefusedTheSecondTimeAndAudited() {
        RelyingParty application = application("reuse");
        UserAtSoglia user = enrolledUser("reuse");
        RelyingParty.Request request = application.authorize();
        String code = user.signInThrough(request.path()).code();
        application.tokensFrom(application.redeem(code, request));

        HttpResponse<String> again = application.redeem(code, request);

        assertInvalidGrant(again);
        assertThat(auditDetails("APPLICATION_TOKEN_REFUSED", application)).containsExactly("UNKNOWN_OR_USED");
    }

    @Test
    void aCodeOfAnotherApplicationIsRefusedAndSpent() {
        RelyingParty application = application("owner");
        RelyingParty thief = application("thief"); // same redirect URIs registered
        UserAtSoglia user = enrolledUser("stolen");
        RelyingParty.Request request = application.authorize();
        String code = user.signInThrough(request.path()).code();

        assertInvalidGrant(thief.token(code, CALLBACK, request.verifier(), ClientAuth.BASIC,
                thief.client().secret()));

        assertThat(auditDetails("APPLICATION_TOKEN_REFUSED", thief)).containsExactly("OTHER_CLIENT");
        assertInvalidGrant(application.redeem(code, request)); // presented by another: nobody gets tokens for it
    }

    @Test
    void aWrongSecretIsInvalidClientAndLeavesTheCodeToItsApplication() {
        RelyingParty application = application("wrongsecret");
        UserAtSoglia user = enrolledUser("wrongsecret");
        RelyingParty.Request request = application.authorize();
        String code = user.signInThrough(request.path()).code();

        HttpResponse<String> basic = application.token(code, CALLBACK, request.verifier(), ClientAuth.BASIC,
                application.client().secret() + "x");
        HttpResponse<String> post = application.token(code, CALLBACK, request.verifier(), ClientAuth.POST,
                RelyingParty.random());

        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(RelyingParty.json(basic)).containsEntry("error", "invalid_client").doesNotContainKey("id_token");
        assertThat(basic.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
        assertThat(post.statusCode()).isEqualTo(401);
        assertThat(RelyingParty.json(post)).containsEntry("error", "invalid_client");
        application.tokensFrom(application.redeem(code, request));
    }

    @Test
    void anUnknownOrDisabledClientIsInvalidClient() {
        RelyingParty application = application("disabledtoken");
        UserAtSoglia user = enrolledUser("disabledtoken");
        RelyingParty.Request request = application.authorize();
        String code = user.signInThrough(request.path()).code();
        server.clients().setEnabled(application.client(), false);

        HttpResponse<String> disabled = application.redeem(code, request);

        assertThat(disabled.statusCode()).isEqualTo(401);
        assertThat(RelyingParty.json(disabled)).containsEntry("error", "invalid_client");
        RelyingParty nobody = new RelyingParty(server.baseUrl(), new it.soglia.testing.TestClients.TestClient(0,
                "nobody." + RelyingParty.random().substring(0, 8), RelyingParty.random(), List.of(CALLBACK),
                List.of()));
        HttpResponse<String> unknown = nobody.redeem(code, request);
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(RelyingParty.json(unknown)).containsEntry("error", "invalid_client");
    }

    @Test
    void theSecretSentBothInTheHeaderAndInTheFormIsRefused() {
        RelyingParty application = application("both");
        UserAtSoglia user = enrolledUser("both");
        RelyingParty.Request request = application.authorize();
        String code = user.signInThrough(request.path()).code();

        HttpResponse<String> both = application.token(code, CALLBACK, request.verifier(), ClientAuth.BOTH,
                application.client().secret());

        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(RelyingParty.json(both)).containsEntry("error", "invalid_request").doesNotContainKey("id_token");
    }

    @Test
    void aVerifierOfAnotherRequestOrNoVerifierIsRefused() {
        RelyingParty application = application("pkce");
        UserAtSoglia user = enrolledUser("pkce");
        RelyingParty.Request request = application.authorize();
        String code = user.signInThrough(request.path()).code();
        String otherVerifier = application.authorize().verifier();

        assertInvalidGrant(application.token(code, CALLBACK, otherVerifier, ClientAuth.BASIC,
                application.client().secret()));
        RelyingParty.Request second = application.authorize();
        String secondCode = user.open(second.path()).code();
        assertInvalidGrant(application.token(secondCode, CALLBACK, null, ClientAuth.BASIC,
                application.client().secret()));

        assertThat(auditDetails("APPLICATION_TOKEN_REFUSED", application))
                .containsExactly("PKCE_MISMATCH", "PKCE_MISMATCH");
    }

    @Test
    void aVerifierForARequestSentWithoutAChallengeIsRefused() {
        RelyingParty application = application("nochallenge");
        UserAtSoglia user = enrolledUser("nochallenge");
        java.util.Map<String, String> noPkce = new java.util.HashMap<>();
        noPkce.put("code_challenge", null);
        noPkce.put("code_challenge_method", null);
        RelyingParty.Request request = application.authorize(noPkce);
        String code = user.signInThrough(request.path()).code();

        assertInvalidGrant(application.token(code, CALLBACK, RelyingParty.random(), ClientAuth.BASIC,
                application.client().secret()));

        RelyingParty.Request withoutVerifier = application.authorize(noPkce);
        application.tokensFrom(application.redeem(user.open(withoutVerifier.path()).code(), withoutVerifier));
    }

    @Test
    void anotherRegisteredRedirectUriAtTheTokenEndpointIsRefused() {
        RelyingParty application = application("otheruri");
        UserAtSoglia user = enrolledUser("otheruri");
        RelyingParty.Request request = application.authorize();
        String code = user.signInThrough(request.path()).code();

        assertInvalidGrant(application.token(code, CALLBACK + "/other", request.verifier(), ClientAuth.BASIC,
                application.client().secret()));
        assertThat(auditDetails("APPLICATION_TOKEN_REFUSED", application)).containsExactly("OTHER_REDIRECT_URI");
    }

    @Test
    void aCodeOlderThanSixtySecondsIsRefused() {
        RelyingParty application = application("expiredcode");
        UserAtSoglia user = enrolledUser("expiredcode");
        RelyingParty.Request request = application.authorize();
        String code = user.signInThrough(request.path()).code();

        server.clock().advance(Duration.ofSeconds(61));

        assertInvalidGrant(application.redeem(code, request));
        assertThat(auditDetails("APPLICATION_TOKEN_REFUSED", application)).containsExactly("EXPIRED");
    }

    @Test
    void onlyTheAuthorizationCodeGrantIsAccepted() {
        RelyingParty application = application("grants");

        HttpResponse<String> password = application.token(Map.of("grant_type", "password", "username", "x",
                "password", "y"), ClientAuth.BASIC, application.client().secret());
        HttpResponse<String> refresh = application.token(Map.of("grant_type", "refresh_token",
                "refresh_token", RelyingParty.random()), ClientAuth.BASIC, application.client().secret());

        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(RelyingParty.json(password)).containsEntry("error", "unsupported_grant_type");
        assertThat(RelyingParty.json(refresh)).containsEntry("error", "unsupported_grant_type");
    }

    @Test
    void unsignedHmacAndForeignKeyTokensAreRefusedAtUserinfo() throws Exception {
        RelyingParty application = application("forged");
        UserAtSoglia user = enrolledUser("forged");
        Map<String, Object> tokens = signedInTokens(application, user);
        String accessToken = (String) tokens.get("access_token");
        SignedJWT genuine = SignedJWT.parse(accessToken);
        JWTClaimsSet claims = genuine.getJWTClaimsSet();
        String kid = genuine.getHeader().getKeyID();
        assertThat(application.userinfo(accessToken).statusCode()).isEqualTo(200); // the genuine one is honoured

        String none = new PlainJWT(new PlainHeader.Builder().type(new JOSEObjectType("at+jwt")).build(), claims)
                .serialize();
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid)
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        hmac.sign(new MACSigner(application.client().secret().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        RSAKey attackers = new RSAKeyGenerator(2048).keyID(kid).generate();
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid)
                .type(new JOSEObjectType("at+jwt")).build(), claims);
        foreign.sign(new RSASSASigner(attackers));
        String otherSub = String.valueOf(accounts.create("victim").id());
        String otherSubject = genuine.getParsedParts()[0] + "."
                + Base64URL.encode(new JWTClaimsSet.Builder(claims).subject(otherSub).build().toString()) + "."
                + genuine.getParsedParts()[2]; // the signature of the genuine token under another subject
        String idTokenAsAccessToken = (String) tokens.get("id_token");

        for (String forged : List.of(none, hmac.serialize(), foreign.serialize(), otherSubject,
                idTokenAsAccessToken, accessToken + "x", "")) {
            HttpResponse<String> answer = application.userinfo(forged);
            assertThat(answer.statusCode()).as("userinfo for %s", forged).isEqualTo(401);
            assertThat(RelyingParty.json(answer)).containsEntry("error", "invalid_token").doesNotContainKey("sub");
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).contains("invalid_token"));
        }
    }

    @Test
    void aTokenOfARetiredKeyIsHonouredForItsLifetimeAndTheKeyLeavesTheSetAfterIt() throws Exception {
        RelyingParty application = application("rotation");
        UserAtSoglia user = enrolledUser("rotation");
        String before = (String) signedInTokens(application, user).get("access_token");
        String oldKid = SignedJWT.parse(before).getHeader().getKeyID();

        retireActiveKey(); // what an admin's rotation does to the key in use; the next token makes a new one
        server.clock().advance(Duration.ofSeconds(60));
        RelyingParty.Request request = application.authorize();
        Map<String, Object> after = application.tokensFrom(application.redeem(user.open(request.path()).code(),
                request));
        String newKid = SignedJWT.parse((String) after.get("id_token")).getHeader().getKeyID();

        assertThat(newKid).isNotEqualTo(oldKid);
        assertThat(application.jwks().getKeys()).extracting(JWK::getKeyID).contains(oldKid, newKid);
        assertThat(application.userinfo(before).statusCode()).isEqualTo(200); // still within its 5 minutes
        application.verifiedIdToken((String) after.get("id_token"));

        server.clock().advance(Duration.ofMinutes(4).plusSeconds(5)); // past the old token's end, not the new one's

        assertThat(application.userinfo(before).statusCode()).isEqualTo(401);
        assertThat(application.jwks().getKeys()).extracting(JWK::getKeyID).doesNotContain(oldKid).contains(newKid);
        assertThat(application.userinfo((String) after.get("access_token")).statusCode()).isEqualTo(200);
    }

    private static void retireActiveKey() throws Exception {
        try (Connection c = server.database().connect(); PreparedStatement retire = c.prepareStatement(
                "update oidc_signing_key set retired_at = ? where retired_at is null")) {
            retire.setTimestamp(1, Timestamp.from(server.clock().now()));
            assertThat(retire.executeUpdate()).isEqualTo(1);
        }
    }

    private static void assertInvalidGrant(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("token answer %s", answer.body()).isEqualTo(400);
        assertThat(RelyingParty.json(answer)).containsEntry("error", "invalid_grant")
                .doesNotContainKeys("id_token", "access_token");
    }
}
