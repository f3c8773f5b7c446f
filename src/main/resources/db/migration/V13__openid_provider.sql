-- OpenID Connect provider: the applications that sign in through Soglia, the keys that sign their tokens, the
-- authorization codes between the browser's return and the application's token request, and which application
-- each account used last (the profile lists them). Everything a node decides is here, so any node can finish it.

create sequence oidc_client_seq start with 50 increment by 50;

create table oidc_client (
    id                     bigint        not null primary key,
    client_id              varchar(100)  not null,
    name                   varchar(200)  not null,
    -- SHA-256 (hex) of a 256-bit random secret, shown once to the admin who made it
    secret_hash            varchar(64)   not null,
    -- one absolute URI per line, matched exactly (RFC 9700)
    redirect_uris          varchar(4000) not null,
    post_logout_uris       varchar(4000) not null,
    -- empty: every signed-in user may use it; otherwise role names separated by commas
    allowed_roles          varchar(100)  not null,
    enabled                boolean       not null,
    created_at             timestamp with time zone not null,
    secret_changed_at      timestamp with time zone not null,
    constraint oidc_client_id_unique unique (client_id)
);

create sequence oidc_signing_key_seq start with 50 increment by 50;

create table oidc_signing_key (
    id            bigint        not null primary key,
    kid           varchar(64)   not null,
    -- the public JWK (JSON), published at /jwks
    public_jwk    varchar(4000) not null,
    -- the private key (PKCS#8), AES-256-GCM with soglia.crypto.key, bound to the kid
    private_key   varchar(8000) not null,
    created_at    timestamp with time zone not null,
    -- set when a newer key took over; the key stays published until its last tokens have expired
    retired_at    timestamp with time zone,
    constraint oidc_signing_key_kid_unique unique (kid)
);

create sequence oidc_code_seq start with 50 increment by 50;

create table oidc_authorization_code (
    id               bigint        not null primary key,
    -- SHA-256 (hex) of the code: a database dump gives nobody a code to redeem
    code_hash        varchar(64)   not null,
    client_pk        bigint        not null references oidc_client (id),
    account_id       bigint        not null references account (id),
    redirect_uri     varchar(1000) not null,
    scope            varchar(500)  not null,
    nonce            varchar(500),
    code_challenge   varchar(128),
    auth_time        timestamp with time zone not null,
    -- the sign-in instant revocations are judged against (later than auth_time when the session outlived its own
    -- password change)
    session_valid_from timestamp with time zone not null,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    redeemed_at      timestamp with time zone,
    constraint oidc_code_hash_unique unique (code_hash)
);

create index oidc_code_expiry on oidc_authorization_code (expires_at);

create table oidc_client_use (
    account_id      bigint not null references account (id),
    client_pk       bigint not null references oidc_client (id),
    last_signed_in  timestamp with time zone not null,
    primary key (account_id, client_pk)
);
