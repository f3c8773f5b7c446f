package it.soglia.audit;

/** What happened. Names are stored, so existing ones are never renamed. */
public enum AuditType {
    SIGN_IN_PASSWORD_OK,
    SIGN_IN_PASSWORD_FAILED,
    SIGN_IN_COMPLETED,
    CODE_FAILED,
    CODE_LOCKED,
    TWO_FACTOR_ENROLLED,
    ACCOUNT_CREATED,
    PASSWORD_REHASHED
}
