-- Accounts and the audit trail. Portable SQL: the same migration runs on H2 and PostgreSQL.
-- Sequences step by 50, the allocationSize of the entities (EclipseLink hands out ids 1..50 from value 50).

create sequence account_seq start with 50 increment by 50;

create table account (
    id                bigint       not null primary key,
    username          varchar(64)  not null,
    username_key      varchar(64)  not null,
    display_name      varchar(200) not null,
    email             varchar(254),
    language          varchar(8)   not null,
    role              varchar(16)  not null,
    enabled           boolean      not null,
    password_hash     varchar(255) not null,
    two_factor_state  varchar(16)  not null,
    totp_secret       varchar(255),
    totp_last_step    bigint,
    totp_enrolled_at  timestamp with time zone,
    code_failures     integer      not null default 0,
    code_locked_until timestamp with time zone,
    last_sign_in_at   timestamp with time zone,
    last_sign_in_ip   varchar(64),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint       not null default 0,
    constraint account_username_key_unique unique (username_key)
);

create sequence audit_event_seq start with 50 increment by 50;

create table audit_event (
    id          bigint      not null primary key,
    occurred_at timestamp with time zone not null,
    type        varchar(40) not null,
    actor       varchar(64),
    subject     varchar(64),
    ip          varchar(64),
    user_agent  varchar(255),
    detail      varchar(500)
);

create index audit_event_occurred_at on audit_event (occurred_at);
create index audit_event_subject on audit_event (subject, occurred_at);
