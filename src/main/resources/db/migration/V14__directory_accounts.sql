-- Accounts whose password is the company directory's (LDAP / Active Directory, package it.soglia.directory).
-- password_source says who checks the password: LOCAL (Soglia's Argon2id hash) or DIRECTORY (a bind as the user).
-- directory_id is the directory's stable id of the person (entryUUID, or objectGUID as a UUID): a user renamed in
-- the directory keeps their Soglia account, and with it the second factor; the username follows the directory.
alter table account add column password_source varchar(16) default 'LOCAL' not null;
alter table account add column directory_id varchar(64);
create unique index account_directory_id on account (directory_id);
