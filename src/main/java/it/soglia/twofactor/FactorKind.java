package it.soglia.twofactor;

/**
 * The kinds of second factor an account can enrol; the second step of a sign-in asks for one the account has
 * ({@code it.soglia.security.Pages#nextStepOf}). Only TOTP exists. WebAuthn would be a constant here, an entity of
 * its own beside {@link TotpAuthenticator}, a page of its own in {@code Pages} and a credential of its own in the
 * mechanism's second step: the TOTP code stays as it is.
 */
public enum FactorKind {
    /** An authenticator app: a 6-digit code from a shared secret (RFC 6238). */
    TOTP
}
