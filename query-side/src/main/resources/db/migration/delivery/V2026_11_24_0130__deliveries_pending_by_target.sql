-- A claim of one target's due deliveries (DeliveryQueue.claimTargets) reads that target's pending rows in due order
-- and stops at the first not yet due: a failing endpoint's retries waiting for later are never read. The claim
-- changes no column of this index, so it stays an in-place (HOT) update; a row leaves the index at its outcome.
create index deliveries_pending_by_target on deliveries (kind, target_id, next_attempt_at, id) where status = 'PENDING';
