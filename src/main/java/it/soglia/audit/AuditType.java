package it.soglia.audit;

/** What happened. Names are stored, so existing ones are never renamed. */
public enum AuditType {
    SIGN_IN_PASSWORD_OK,
    SIGN_IN_PASSWORD_FAILED,
    SIGN_IN_COMPLETED,
    CODE_FAILED,
    CODE_LOCKED,
    TWO_FACTOR_ENROLLED,
    RESET_REQUESTED,
    RESET_RATE_LIMITED,
    RESET_MAIL_QUEUED,
    RESET_TOKEN_REFUSED,
    TWO_FACTOR_RESET,
    STEP_UP_OK,
    STEP_UP_FAILED,
    QR_VIEWED,
    CODE_UNLOCKED,
    ACCOUNT_ENABLED,
    ACCOUNT_DISABLED,
    MAIL_RESENT,
    PASSWORD_CHANGED,
    PASSWORD_CHANGE_FAILED,
    EMAIL_CHANGED,
    ACCOUNT_CREATED,
    ACCOUNT_CHANGED,
    PASSWORD_REHASHED,
    RECOVERY_CODE_USED,
    RECOVERY_CODES_REGENERATED,
    PASSWORD_LOCKED,
    /** A password that was not checked at all: its username or its client address had to wait, or was locked. */
    SIGN_IN_PASSWORD_REFUSED,
    /** An application (OpenID Connect client) registered, changed, given a new secret, disabled or enabled. */
    CLIENT_REGISTERED,
    CLIENT_CHANGED,
    CLIENT_SECRET_CHANGED,
    CLIENT_DISABLED,
    CLIENT_ENABLED,
    /** A new key signs the provider's tokens from now on. */
    SIGNING_KEY_ROTATED,
    /** An application received tokens for the user (its code redeemed). */
    APPLICATION_SIGN_IN,
    /** An application's code was refused at the token endpoint (reused, expired, another client, PKCE...). */
    APPLICATION_TOKEN_REFUSED,
    /** A signed-in user whose role the application does not admit was sent back to it without a code. */
    APPLICATION_ACCESS_DENIED,
    /** An application signed its user out of Soglia (RP-initiated logout). */
    APPLICATION_SIGN_OUT,
    /** The company directory did not answer a password check or a session's check (it.soglia.directory). */
    DIRECTORY_UNAVAILABLE,
    /** A directory user's session ended: the directory no longer has them, or has them disabled. */
    DIRECTORY_USER_GONE
}
