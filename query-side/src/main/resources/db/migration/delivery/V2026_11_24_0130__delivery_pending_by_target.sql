-- A claim of one target's due deliveries (DeliveryQueue.claimTargets) reads that target's pending rows in due order
-- and stops at the first not yet due: a failing endpoint's retries waiting for later are never read. The claim filters
-- by account and mode too, so they are in the key: with them outside it, PostgreSQL would judge
-- deliveries_target_status (which leads with all four) more selective and read the target's whole pending backlog.
-- The claim changes no column of this index (it stays an in-place, HOT, update); a delivered or failed row leaves it,
-- a retry moves in it. Not built CONCURRENTLY: under Flyway's transactional lock that waits forever.
create index deliveries_pending_by_target
    on deliveries (kind, target_id, account_id, mode, next_attempt_at, id) where status = 'PENDING';
