package it.soglia.account;

/** Whether the account has an authenticator enrolled: a reset puts it back to {@link #NOT_ENROLLED}. */
public enum TwoFactorState {
    NOT_ENROLLED,
    ACTIVE
}
