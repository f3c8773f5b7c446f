-- The admin tables sort by a column and then by id (stable pages): indexes in that exact order let the database
-- read one page instead of sorting every row (measured in BENCHMARKS.md: audit first page 67 s -> 0.1 ms on H2).
create index audit_event_recent on audit_event (occurred_at desc, id desc);
create index audit_event_subject_recent on audit_event (subject, occurred_at desc, id desc);
create index account_username_key_id on account (username_key, id);
create index account_display_name_id on account (display_name, id);
create index account_email_id on account (email, id);
create index account_role_id on account (role, id);
create index account_two_factor_state_id on account (two_factor_state, id);
create index account_code_locked_until_id on account (code_locked_until, id);
create index account_last_sign_in_at_id on account (last_sign_in_at, id);
