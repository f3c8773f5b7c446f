package it.soglia.twofactor;

/**
 * Fired with the audit entry of every reset of the second factor, saying which of the three it was (the audit entry's
 * detail is text for people); observers that count must wait for the commit, as for {@code AuditRecorded}.
 */
public record SecondFactorResetDone(ResetCause cause) {
}
