-- Recovery codes: ten per enrolment, each usable once, stored only as salted PBKDF2-HMAC-SHA256
-- ("pbkdf2-sha256$iterations$salt$hash", see RecoveryCodeFormat).
create sequence recovery_code_seq start with 50 increment by 50;

create table recovery_code (
    id          bigint      not null primary key,
    account_id  bigint      not null references account (id),
    code_hash   varchar(200) not null,
    created_at  timestamp with time zone not null,
    used_at     timestamp with time zone
);

create index recovery_code_account on recovery_code (account_id, used_at);
