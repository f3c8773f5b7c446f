-- The admins' global search ("contains", ignoring case) looked at three columns, two inside lower(): one
-- lower-case column is read instead (BENCHMARKS.md). The application keeps it current; this fills existing rows.
-- The database's lower() and Java's toLowerCase(Locale.ROOT) agree on the letters usernames, names and emails use.
-- 1040: three columns (64 + 200 + 254 + separators), doubled because lower-casing a few letters lengthens them.
alter table account add column search_text varchar(1040);
update account set search_text = lower(username || ' ' || display_name || ' ' || coalesce(email, ''));
alter table account alter column search_text set not null;
