/**
 * Mail that is never lost: messages are written to the {@code mail_outbox} table in the transaction of the change
 * they report, and {@link it.soglia.mail.MailDispatcher} delivers them through the container's mail session
 * {@code mail/soglia}, retrying with backoff. Bodies are stored encrypted and erased once sent.
 */
package it.soglia.mail;
