-- Lost-code resets: tokens stored only as SHA-256, and the mail outbox that delivers with retries.

alter table account add column sessions_revoked_at timestamp with time zone;

create sequence reset_token_seq start with 50 increment by 50;

create table reset_token (
    id          bigint      not null primary key,
    account_id  bigint      not null references account (id),
    token_hash  varchar(64) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null,
    used_at     timestamp with time zone,
    voided_at   timestamp with time zone,
    request_ip  varchar(64),
    constraint reset_token_hash_unique unique (token_hash)
);

create index reset_token_account on reset_token (account_id, created_at);

create sequence mail_outbox_seq start with 50 increment by 50;

-- Bodies are encrypted (they may carry a reset link) and erased once the mail is sent.
create table mail_outbox (
    id              bigint        not null primary key,
    kind            varchar(40)   not null,
    recipient       varchar(254)  not null,
    subject         varchar(300)  not null,
    body_text       varchar(20000),
    body_html       varchar(40000),
    status          varchar(16)   not null,
    attempts        integer       not null default 0,
    next_attempt_at timestamp with time zone not null,
    claimed_until   timestamp with time zone,
    claimed_by      varchar(100),
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    version         bigint        not null default 0
);

create index mail_outbox_due on mail_outbox (status, next_attempt_at);
