-- Outbound deliveries (webhooks; later partner postbacks): the queue every node sends from, the retry schedule, and
-- the log of attempts. Not a read model: it is the dispatcher's own state, never rebuilt, never replayed.
create table deliveries (
    id text primary key,                          -- del_...
    kind text not null,                           -- webhook (a DeliveryKind's name)
    target_id text not null,                      -- whk_... for webhooks
    account_id text not null,
    mode text not null,
    event_id text not null,                       -- evt_..., the webhook-id: the same on every attempt
    event_type text not null,
    payload text not null,                        -- what every attempt sends, fixed when queued
    status text not null,                         -- PENDING, SUCCEEDED, FAILED, CANCELED
    attempts integer not null default 0,          -- attempts claimed so far; the claim's token
    next_attempt_at timestamp(6) with time zone,  -- pending: when it is due (while claimed: when the claim lapses)
    claimed_until timestamp(6) with time zone,    -- an attempt is being made until then
    created_at timestamp(6) with time zone not null,
    completed_at timestamp(6) with time zone,
    last_attempt_at timestamp(6) with time zone,
    last_status_code integer,
    last_error text,
    unique (kind, target_id, event_id)            -- queuing an event twice (a replayed batch) queues it once
);
-- what is due, for the nodes' claims (FOR UPDATE SKIP LOCKED)
create index deliveries_due on deliveries (next_attempt_at) where status = 'PENDING';
-- a target's deliveries for the API, newest first, all or by status
create index deliveries_target on deliveries (kind, target_id, account_id, mode, created_at desc, id desc);
create index deliveries_target_status on deliveries (kind, target_id, account_id, mode, status, created_at desc, id desc);
-- the purge of old completed deliveries
create index deliveries_completed on deliveries (completed_at) where completed_at is not null;

create table delivery_attempts (
    delivery_id text not null references deliveries (id) on delete cascade,
    attempt integer not null,                     -- deliveries.attempts when it was claimed: one sender per attempt
    attempted_at timestamp(6) with time zone not null,
    status_code integer,                          -- null: no HTTP answer (refused address, timeout, connection)
    duration_ms integer not null,
    error text,
    response_body text,                           -- the first 1 KiB of the answer
    sent_by text not null,                        -- the node that made it
    primary key (delivery_id, attempt)
);

-- Since when each target has failed every attempt (null: its last attempt succeeded). Failing for the configured
-- period (5 days) gives the target up: a webhook endpoint is then disabled.
create table delivery_targets (
    kind text not null,
    target_id text not null,
    failing_since timestamp(6) with time zone,
    primary key (kind, target_id)
);
