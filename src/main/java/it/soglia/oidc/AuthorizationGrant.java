package it.soglia.oidc;

import java.time.Instant;

/**
 * What the user agreed to at the authorization endpoint: who signed in (and when: {@code auth_time}), for which
 * redirect URI, scope and nonce, and the PKCE challenge the token request must answer ({@code null}: none sent).
 */
public record AuthorizationGrant(long accountId, String redirectUri, String scope, String nonce, String codeChallenge,
                                 Instant authTime) {
}
