-- The event log (GET /v1/events): one row per stored tenant event, written by the subscribing processing group
-- event-log in the event's own transaction, rebuildable from the event store. Indexed for its filters within a
-- tenant, newest first: none, type, aggregate (the time range bounds each of these scans).
create table event_log (
    id text primary key,                    -- evt_..., derived from the event store's identifier
    account_id text not null,
    mode text not null,
    type text not null,                     -- api_key.issued
    aggregate_id text,                      -- null for events no aggregate applied
    created_at timestamp(6) with time zone not null,
    data text not null,                     -- the event's public fields, as JSON
    actor text,                             -- api_key, dashboard_session, anonymous, system
    actor_key_id text,
    request_id text
);
create index event_log_tenant on event_log (account_id, mode, created_at desc, id desc);
create index event_log_type on event_log (account_id, mode, type, created_at desc, id desc);
create index event_log_aggregate on event_log (account_id, mode, aggregate_id, created_at desc, id desc);
