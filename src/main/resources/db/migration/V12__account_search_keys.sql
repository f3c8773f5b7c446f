-- The index of the admins' search for any part of username, name or email (BENCHMARKS.md, the search, fourth
-- round): a LIKE '%text%' on account.search_text reads every account, 140-220 ms for 100,000 on H2.
-- For every word of search_text, each suffix of 3 or more characters is one key: its first 10 characters packed in
-- a number (it.soglia.account.SearchKeys). An account containing "ross" has a key in the number range of "ross...",
-- so a search reads one index range and checks only those accounts with the LIKE. Numbers, not text: a text
-- prefix (LIKE 'ross%') uses a B-tree index on PostgreSQL only under the C collation; a number range works the same
-- on H2 and PostgreSQL. Account keeps the keys with search_text; migration 12.1 (FillAccountSearchKeys) fills them for the accounts there are now.
create table account_search_key (
    account_id bigint not null,
    search_key bigint not null,
    constraint account_search_key_pk primary key (account_id, search_key),
    constraint account_search_key_account foreign key (account_id) references account (id) on delete cascade
);

-- The search reads a key range and joins to the accounts; the primary key serves the account's own keys.
create index account_search_key_range on account_search_key (search_key, account_id);
