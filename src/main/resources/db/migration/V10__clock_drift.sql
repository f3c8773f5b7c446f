-- Accepted codes one time step early (positive) or late (negative) in a row: the phone's clock drifts.
alter table account add column totp_drift_streak integer not null default 0;
