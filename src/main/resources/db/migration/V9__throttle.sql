-- Attempt counters of the throttling rules (it.soglia.throttle), shared by every node. The key is the rule and a
-- SHA-256 of the subject (a typed username or a client address).
create table throttle (
    throttle_key     varchar(100) not null primary key,
    attempts         integer      not null,
    last_attempt_at  timestamp with time zone not null
);
