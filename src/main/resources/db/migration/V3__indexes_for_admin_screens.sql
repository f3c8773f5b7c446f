-- Indexes behind the filters and sorts of the admins' users and audit tables.
create index account_display_name on account (display_name);
create index account_email on account (email);
create index account_role on account (role, username_key);
create index account_two_factor_state on account (two_factor_state, username_key);
create index account_code_locked_until on account (code_locked_until);
create index account_last_sign_in_at on account (last_sign_in_at);
create index audit_event_type on audit_event (type, occurred_at);
create index audit_event_actor on audit_event (actor, occurred_at);
