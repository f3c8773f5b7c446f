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
    ACCOUNT_CREATED,
    PASSWORD_REHASHED
}
