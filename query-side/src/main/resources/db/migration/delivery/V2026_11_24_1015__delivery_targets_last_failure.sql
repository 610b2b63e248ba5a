-- When each target last failed: a failure that comes longer after the one before than a failing target's retries
-- can leave between two attempts starts its failing period afresh (DeliveryRecorder), instead of counting the quiet
-- time between as failure.
alter table delivery_targets add column last_failed_at timestamp(6) with time zone;
update delivery_targets set last_failed_at = failing_since where failing_since is not null;
