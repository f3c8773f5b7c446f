package it.soglia.mail;

/** A message ready to queue: one recipient, a subject, and the same content as plain text and HTML. */
public record Mail(String kind, String recipient, String subject, String text, String html) {
}
