-- The audit table sorted oldest first: H2 does not read the descending index backwards (BENCHMARKS.md).
create index audit_event_oldest on audit_event (occurred_at, id);
