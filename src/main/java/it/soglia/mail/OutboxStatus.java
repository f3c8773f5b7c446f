package it.soglia.mail;

/** Where a queued message stands. */
public enum OutboxStatus {
    PENDING,
    SENT,
    /** Gave up after the configured attempts; {@code last_error} says why. Admins can re-send it. */
    FAILED
}
