-- A claim now sets only attempts and claimed_until (next_attempt_at stays the due time; a row is due when it is
-- pending, next_attempt_at has passed and no claim is live), columns no index holds: PostgreSQL can then update the
-- row in place (HOT) without touching the table's five indexes, if the row's page has room for the new version.
-- Leave that room in new pages; pruning frees it again as claims and outcomes come and go.
alter table deliveries set (fillfactor = 70);
