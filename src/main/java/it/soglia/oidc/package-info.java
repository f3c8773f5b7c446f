/**
 * Soglia as an OpenID Connect provider: other applications send their users here to sign in (password, then the
 * 6-digit code) and get back an authorization code, which they redeem for a signed ID token. Applications are
 * registered by admins ({@link it.soglia.oidc.ClientRegistry}); signing keys are made and rotated by Soglia
 * ({@link it.soglia.oidc.SigningKeys}); codes live in the database so that any node can redeem what another issued.
 * Built on Nimbus' OAuth 2.0 / OpenID Connect SDK for parsing requests and writing tokens.
 */
package it.soglia.oidc;
