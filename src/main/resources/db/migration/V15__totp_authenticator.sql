-- The authenticator apart from the account (it.soglia.twofactor.TotpAuthenticator): the TOTP secret, the newest
-- accepted time step, when it was enrolled and the clock drift move to a table of their own, one row per enrolled
-- account; a second factor kind (WebAuthn) gets a table of its own beside it.
-- Stays on the account: two_factor_state (whether any second factor is enrolled, written with the authenticator in
-- one transaction; a column of the account so the admins' users table filters and sorts on its index
-- account_two_factor_state_id, not on a join) and the code step's lock (code_failures, code_locked_until,
-- code_lockouts, code_locked_for_good: it counts every proof of the second step, recovery codes too).
-- The secret's ciphertext is moved as it is: it is bound to the context soglia:totp:active:<account id>, which names
-- the account, not the table, so it decrypts from here with the same key.

create table totp_authenticator (
    account_id   bigint       not null primary key,
    secret       varchar(255) not null,
    last_step    bigint       not null,
    enrolled_at  timestamp with time zone not null,
    drift_streak integer      not null default 0,
    constraint totp_authenticator_account foreign key (account_id) references account (id)
);

-- Every enrolled account: ACTIVE, with a secret (a reset erased it; a NOT_ENROLLED account's secret was never read).
-- Every enrolment wrote the secret, the step and the time together (Account.activateTwoFactor): the coalesces
-- only keep a hand-edited row from stopping the migration (step 0: any code is newer; the row's last change).
insert into totp_authenticator (account_id, secret, last_step, enrolled_at, drift_streak)
    select id, totp_secret, coalesce(totp_last_step, 0), coalesce(totp_enrolled_at, updated_at), totp_drift_streak
    from account where two_factor_state = 'ACTIVE' and totp_secret is not null;

-- ACTIVE without a secret could neither sign in nor enrol; from now on ACTIVE means an authenticator row.
update account set two_factor_state = 'NOT_ENROLLED' where totp_secret is null and two_factor_state <> 'NOT_ENROLLED';

alter table account drop column totp_secret;
alter table account drop column totp_last_step;
alter table account drop column totp_enrolled_at;
alter table account drop column totp_drift_streak;
