package it.soglia.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import it.soglia.oidc.RelyingParty.ClientAuth;
import it.soglia.oidc.UserAtSoglia.Arrival;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The authorization code flow as an application and its user see it: sign in at Soglia, back with a code, tokens for
 * the code, the claims checked against the published keys; and the sign-in the application may ask for (prompt,
 * max_age) or get for free (single sign-on).
 */
class AuthorizationCodeFlowIT extends ProviderTest {

    @Test
    void aSignInGivesACodeWhoseIdTokenSaysWhoSignedInAndHow() {
        RelyingParty application = application("happy");
        UserAtSoglia user = enrolledUser("happy");
        RelyingParty.Request request = application.authorize();

        Instant before = server.clock().now().minusSeconds(1);
        Arrival back = user.signInThrough(request.path());
        Instant after = server.clock().now().plusSeconds(1);

        assertThat(back.application().toString()).startsWith(CALLBACK + "?");
        assertThat(back.query()).containsEntry("state", request.state()).containsEntry("iss", server.baseUrl())
                .doesNotContainKey("error");
        HttpResponse<String> answer = application.redeem(back.code(), request);
        Map<String, Object> tokens = application.tokensFrom(answer);
        assertThat(answer.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(tokens).containsEntry("token_type", "Bearer").containsEntry("expires_in", 300L)
                .containsEntry("scope", "openid profile email").doesNotContainKey("refresh_token");

        JWTClaimsSet id = application.verifiedIdToken((String) tokens.get("id_token"));
        String clientId = application.client().clientId();
        assertThat(id.getIssuer()).isEqualTo(server.baseUrl());
        assertThat(id.getAudience()).containsExactly(clientId);
        assertThat(id.getClaim("azp")).isEqualTo(clientId);
        assertThat(id.getSubject()).isEqualTo(String.valueOf(user.account().id()));
        assertThat(id.getClaim("nonce")).isEqualTo(request.nonce());
        assertThat(Instant.ofEpochSecond((Long) id.getClaim("auth_time")))
                .isBetween(before.minusSeconds(1), after);
        assertThat(id.getClaim("amr")).isEqualTo(List.of("pwd", "otp"));
        assertThat(id.getClaim("preferred_username")).isEqualTo(user.account().username());
        assertThat(id.getClaim("name")).isEqualTo("Test happy");
        assertThat(id.getClaim("email")).isEqualTo(user.account().email());
        assertThat(id.getClaim("groups")).isEqualTo(List.of("USER"));
        assertThat(Duration.between(id.getIssueTime().toInstant(), id.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));

        HttpResponse<String> userinfo = application.userinfo((String) tokens.get("access_token"));
        assertThat(userinfo.statusCode()).isEqualTo(200);
        assertThat(RelyingParty.json(userinfo)).containsEntry("sub", String.valueOf(user.account().id()))
                .containsEntry("preferred_username", user.account().username())
                .containsEntry("name", "Test happy")
                .containsEntry("email", user.account().email())
                .containsEntry("groups", List.of("USER"));
        assertThat(auditActors("APPLICATION_SIGN_IN", application)).containsExactly(user.account().username());
    }

    @Test
    void theSecretInTheFormWorksAsInTheHeaderAndAnAdminIsInBothGroups() {
        RelyingParty application = application("post");
        UserAtSoglia admin = enrolledUser("postadmin", "ADMIN");
        RelyingParty.Request request = application.authorize(Map.of("scope", "openid"));
        String code = admin.signInThrough(request.path()).code();

        Map<String, Object> tokens = application.tokensFrom(application.token(code, CALLBACK, request.verifier(),
                ClientAuth.POST, application.client().secret()));

        JWTClaimsSet id = application.verifiedIdToken((String) tokens.get("id_token"));
        assertThat(id.getClaim("groups")).isEqualTo(List.of("ADMIN", "USER"));
        assertThat(id.getClaims()).doesNotContainKeys("preferred_username", "name", "email"); // scope openid only
        assertThat(RelyingParty.json(application.userinfo((String) tokens.get("access_token"))))
                .containsEntry("sub", String.valueOf(admin.account().id())).doesNotContainKeys("email", "name");
    }

    @Test
    void aSignedInUserGoesStraightBackWithACodeAndTheFirstSignInsAuthTime() {
        RelyingParty first = application("sso1");
        RelyingParty second = application("sso2");
        UserAtSoglia user = enrolledUser("sso");
        Map<String, Object> firstTokens = signedInTokens(first, user);
        Object authTime = first.verifiedIdToken((String) firstTokens.get("id_token")).getClaim("auth_time");

        RelyingParty.Request request = second.authorize();
        Arrival back = user.open(request.path());

        assertThat(back.atApplication()).as("no sign-in page: %s", back.page() == null ? "" : back.page().uri())
                .isTrue();
        assertThat(back.query()).containsEntry("state", request.state());
        JWTClaimsSet id = second.verifiedIdToken((String) second.tokensFrom(second.redeem(back.code(), request))
                .get("id_token"));
        assertThat(id.getClaim("auth_time")).isEqualTo(authTime);
        assertThat(id.getAudience()).containsExactly(second.client().clientId());
    }

    @Test
    void promptNoneWithoutASessionGoesBackWithLoginRequired() {
        RelyingParty application = application("none");
        UserAtSoglia user = enrolledUser("none");
        RelyingParty.Request request = application.authorize(Map.of("prompt", "none"));

        Arrival back = user.open(request.path());

        assertThat(back.query()).containsEntry("error", "login_required").containsEntry("state", request.state())
                .containsEntry("iss", server.baseUrl()).doesNotContainKey("code");
    }

    @Test
    void promptLoginAsksASignedInUserForPasswordAndCodeAgain() {
        RelyingParty application = application("login");
        UserAtSoglia user = enrolledUser("login");
        Object firstAuthTime = application.verifiedIdToken((String) signedInTokens(application, user)
                .get("id_token")).getClaim("auth_time");
        server.clock().advance(Duration.ofSeconds(5));

        RelyingParty.Request request = application.authorize(Map.of("prompt", "login"));
        Arrival again = user.open(request.path());

        assertThat(again.atApplication()).isFalse();
        assertThat(again.soglia().path()).isEqualTo("/soglia/login");
        Arrival back = user.signIn(again.soglia());
        JWTClaimsSet id = application.verifiedIdToken((String) application.tokensFrom(
                application.redeem(back.code(), request)).get("id_token"));
        assertThat((Long) id.getClaim("auth_time")).isGreaterThan((Long) firstAuthTime);
    }

    @Test
    void maxAgeShorterThanTheSignInsAgeAsksForItAgainAndAuthTimeIsTheNewSignIn() {
        RelyingParty application = application("maxage");
        UserAtSoglia user = enrolledUser("maxage");
        Object firstAuthTime = application.verifiedIdToken((String) signedInTokens(application, user)
                .get("id_token")).getClaim("auth_time");

        RelyingParty.Request recentEnough = application.authorize(Map.of("max_age", "600"));
        assertThat(user.open(recentEnough.path()).atApplication()).isTrue(); // younger than 600 s: straight back

        server.clock().advance(Duration.ofSeconds(120));
        RelyingParty.Request request = application.authorize(Map.of("max_age", "60"));
        Arrival again = user.open(request.path());

        assertThat(again.atApplication()).isFalse();
        assertThat(again.soglia().path()).isEqualTo("/soglia/login");
        Instant signInAgain = server.clock().now();
        Arrival back = user.signIn(again.soglia());
        JWTClaimsSet id = application.verifiedIdToken((String) application.tokensFrom(
                application.redeem(back.code(), request)).get("id_token"));
        long authTime = (Long) id.getClaim("auth_time");
        assertThat(authTime).isGreaterThanOrEqualTo(signInAgain.getEpochSecond() - 1)
                .isGreaterThan((Long) firstAuthTime + 100);
    }

    @Test
    void anImplicitFlowRequestGoesBackWithUnsupportedResponseType() {
        RelyingParty application = application("implicit");
        RelyingParty.Request request = application.authorize(Map.of("response_type", "token"));

        Arrival back = anonymous().open(request.path());

        assertThat(back.application().toString()).startsWith(CALLBACK + "?");
        assertThat(back.query()).containsEntry("error", "unsupported_response_type")
                .containsEntry("state", request.state()).doesNotContainKeys("code", "access_token");
    }

    @Test
    void aRequestWithoutTheOpenidScopeGoesBackWithInvalidScope() {
        RelyingParty application = application("noopenid");
        RelyingParty.Request request = application.authorize(Map.of("scope", "profile email"));

        Arrival back = anonymous().open(request.path());

        assertThat(back.query()).containsEntry("error", "invalid_scope").containsEntry("state", request.state());
    }

    @Test
    void thePlainPkceMethodIsRefused() {
        RelyingParty application = application("plain");
        String verifier = RelyingParty.random() + RelyingParty.random();
        RelyingParty.Request request = application.authorize(Map.of("code_challenge", verifier,
                "code_challenge_method", "plain"));

        Arrival back = anonymous().open(request.path());

        assertThat(back.query()).containsEntry("error", "invalid_request").containsEntry("state", request.state())
                .doesNotContainKey("code");
    }

    @Test
    void aRedirectUriNotRegisteredIsSaidOnSogliasOwnPageAndNeverRedirectedTo() {
        RelyingParty application = application("wrongredirect");
        RelyingParty.Request request = application.authorize(Map.of("redirect_uri", "http://127.0.0.1:9/evil"));

        HttpResponse<String> answer = anonymous().session().raw(request.path());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.body()).doesNotContain("127.0.0.1:9/evil");
        assertThat(anonymous().follow(answer).soglia().text("application-error"))
                .contains("indirizzo che non è registrato");
        // a prefix of a registered URI, another path: the comparison is exact
        assertThat(anonymous().session().raw(application.authorize(Map.of("redirect_uri", CALLBACK + "/"))
                .path()).statusCode()).isEqualTo(400);
    }

    @Test
    void anUnknownClientIsSaidOnSogliasOwnPage() {
        RelyingParty application = application("unknown");
        Map<String, String> unknown = new HashMap<>(Map.of("client_id", "nobody." + RelyingParty.random()));

        Arrival answer = anonymous().open(application.authorize(unknown).path());

        assertThat(answer.atApplication()).isFalse();
        assertThat(answer.soglia().status()).isEqualTo(400);
        assertThat(answer.soglia().text("application-error")).contains("non è registrata su Soglia");
    }

    @Test
    void aDisabledClientIsSaidClearlyInTheUsersLanguage() {
        RelyingParty application = application("disabled");
        server.clients().setEnabled(application.client(), false);
        UserAtSoglia user = anonymous();
        user.session().acceptLanguage("en-GB,en;q=0.9");

        Arrival answer = user.open(application.authorize().path());

        assertThat(answer.atApplication()).isFalse();
        assertThat(answer.soglia().status()).isEqualTo(400);
        assertThat(answer.soglia().text("application-error")).contains("turned off by an administrator");
    }

    @Test
    void aUserWhoseRoleTheApplicationDoesNotAdmitGoesBackWithAccessDeniedAndItIsAudited() {
        RelyingParty application = application("adminsonly", "ADMIN");
        UserAtSoglia user = enrolledUser("notadmin");
        RelyingParty.Request request = application.authorize();

        Arrival back = user.signInThrough(request.path());

        assertThat(back.query()).containsEntry("error", "access_denied").containsEntry("state", request.state())
                .doesNotContainKey("code");
        assertThat(auditActors("APPLICATION_ACCESS_DENIED", application)).containsExactly(user.account().username());
    }

    private static UserAtSoglia anonymous() {
        return new UserAtSoglia(server.baseUrl(), steps.newSession(), null, null);
    }
}
