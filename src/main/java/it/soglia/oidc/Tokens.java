package it.soglia.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import it.soglia.account.Account;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Writes and checks the provider's tokens, all RS256 JWTs signed with the active {@link SigningKeys key}. An ID token
 * tells the application who signed in and how ({@code amr}: password and one-time code); an access token lets it read
 * {@code /userinfo}. A token is believed only with an RS256 signature by a published key: "none", HMAC and unknown
 * keys are refused before anything in it is read.
 */
@ApplicationScoped
public class Tokens {

    static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");
    static final List<String> AMR = List.of("pwd", "otp");
    /** Private claim of access tokens: when the sign-in behind it became valid ({@link AuthorizationGrant}). */
    static final String SESSION_VALID_FROM = "soglia_session_valid_from";

    @Inject
    SigningKeys keys;

    @Inject
    ProviderSettings settings;

    @Inject
    Clock clock;

    @Inject
    SecureRandom random;

    /** The claims of an access token Soglia issued and still honours. */
    public record AccessClaims(long accountId, String clientId, String scope, Instant sessionValidFrom) {
    }

    public String idToken(AuthorizationGrant grant, Account account, OidcClient client) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(subjectOf(account))
                .audience(client.getClientId())
                .claim("azp", client.getClientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.tokenLifetime())))
                .claim("auth_time", grant.authTime().getEpochSecond())
                .claim("amr", AMR);
        if (grant.nonce() != null) {
            claims.claim("nonce", grant.nonce());
        }
        UserClaims.of(account, grant.scope()).forEach(claims::claim);
        return sign(claims.build(), JOSEObjectType.JWT);
    }

    public String accessToken(AuthorizationGrant grant, Account account, OidcClient client) {
        Instant now = clock.instant();
        byte[] id = new byte[16];
        random.nextBytes(id);
        return sign(new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(subjectOf(account))
                .audience(settings.endpoint(Endpoints.USERINFO))
                .claim("client_id", client.getClientId())
                .claim("scope", grant.scope())
                .claim("auth_time", grant.authTime().getEpochSecond())
                // to the millisecond, unlike auth_time: a reset in the same second as the sign-in must still end it
                .claim(SESSION_VALID_FROM, grant.sessionValidFrom().toEpochMilli())
                .jwtID(Base64.getUrlEncoder().withoutPadding().encodeToString(id))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.tokenLifetime())))
                .build(), ACCESS_TOKEN_TYPE);
    }

    /** The claims of a valid, unexpired access token of this provider; empty for anything else. */
    public Optional<AccessClaims> readAccessToken(String token) {
        return verified(token).filter(jwt -> ACCESS_TOKEN_TYPE.equals(jwt.getHeader().getType())).flatMap(jwt -> {
            try {
                JWTClaimsSet claims = jwt.getJWTClaimsSet();
                if (!settings.issuer().equals(claims.getIssuer()) || claims.getExpirationTime() == null
                        || !clock.instant().isBefore(claims.getExpirationTime().toInstant())) {
                    return Optional.empty();
                }
                return Optional.of(new AccessClaims(Long.parseLong(claims.getSubject()),
                        claims.getStringClaim("client_id"), claims.getStringClaim("scope"),
                        Instant.ofEpochMilli(claims.getLongClaim(SESSION_VALID_FROM))));
            } catch (ParseException | NumberFormatException | NullPointerException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The claims of an ID token this provider signed, expired or not (RP-initiated logout sends one back as a hint,
     * often after it expired); empty when its signature is not by a published key.
     */
    public Optional<JWTClaimsSet> readIdTokenHint(String token) {
        return verified(token).filter(jwt -> !ACCESS_TOKEN_TYPE.equals(jwt.getHeader().getType())).flatMap(jwt -> {
            try {
                JWTClaimsSet claims = jwt.getJWTClaimsSet();
                return settings.issuer().equals(claims.getIssuer()) ? Optional.of(claims) : Optional.empty();
            } catch (ParseException e) {
                return Optional.empty();
            }
        });
    }

    /** The subject: the account's id, which no other account ever gets (a username may be freed and taken again). */
    static String subjectOf(Account account) {
        return String.valueOf(account.getId());
    }

    private Optional<SignedJWT> verified(String token) {
        if (token == null || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token); // an unsecured ("alg":"none") JWT does not parse as signed
            if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getHeader().getKeyID() == null) {
                return Optional.empty();
            }
            for (RSAKey key : keys.published()) {
                if (key.getKeyID().equals(jwt.getHeader().getKeyID())) {
                    return jwt.verify(new RSASSAVerifier(key)) ? Optional.of(jwt) : Optional.empty();
                }
            }
            return Optional.empty();
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }

    private String sign(JWTClaimsSet claims, JOSEObjectType type) {
        RSAKey key = keys.active();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(type)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
    }
}
