-- The code step's lock has a lifetime cap (it.soglia.twofactor.TwoFactorService): locks in a row with no right code
-- in between, and whether the code step is locked until an admin unlocks it or the second factor is reset.
alter table account add column code_lockouts integer not null default 0;
alter table account add column code_locked_for_good boolean not null default false;
