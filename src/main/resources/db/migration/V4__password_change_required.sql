-- Accounts created by an admin get a random initial password that must be changed at the first sign-in.
alter table account add column password_change_required boolean default false not null;
