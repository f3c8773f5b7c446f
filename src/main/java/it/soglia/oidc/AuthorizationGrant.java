package it.soglia.oidc;

import java.time.Instant;

/**
 * What the user agreed to at the authorization endpoint: who signed in (and when: {@code auth_time}, the password and
 * code typed), for which redirect URI, scope and nonce, and the PKCE challenge the token request must answer
 * ({@code null}: none sent). {@code sessionValidFrom} is the instant the account's revocations are judged against:
 * the sign-in's, or later when the session outlived a change made in it (its owner's new password).
 */
public record AuthorizationGrant(long accountId, String redirectUri, String scope, String nonce, String codeChallenge,
                                 Instant authTime, Instant sessionValidFrom) {
}
