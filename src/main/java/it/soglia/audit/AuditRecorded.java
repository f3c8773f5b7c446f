package it.soglia.audit;

/** Fired for every audit event written; observers that count must wait for the commit (the event may roll back). */
public record AuditRecorded(AuditType type) {
}
