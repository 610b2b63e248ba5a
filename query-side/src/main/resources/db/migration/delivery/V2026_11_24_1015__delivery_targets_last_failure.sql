-- When each target last failed: a failure that comes longer after the one before than a failing target's retries
-- can leave between two attempts starts its failing period afresh (DeliveryRecorder), instead of counting the quiet
-- time between as failure.
alter table delivery_targets add column last_failed_at timestamp(6) with time zone;
-- a target failing when this runs continues its failing period (its last failure is not known: take it as now)
update delivery_targets set last_failed_at = now() where failing_since is not null;
