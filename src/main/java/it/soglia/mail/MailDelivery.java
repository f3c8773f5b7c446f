package it.soglia.mail;

/**
 * The outcome of one attempt to hand a mail to the SMTP server, fired as a CDI event (synchronously, by
 * {@link MailDispatcher}) for whoever counts deliveries.
 */
public enum MailDelivery {
    /** The SMTP server took the mail. */
    SENT,
    /** The attempt failed; the outbox retries it later. */
    FAILED
}
