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
    SIGN_IN_PASSWORD_REFUSED
}
