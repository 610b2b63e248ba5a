-- Read model "notifications" (tracking). account_id is the recipient. sequence orders a recipient's notifications
-- for the live stream (its SSE id, what Last-Event-ID names): one writer at a time (the single-segment processor, or
-- a rebuild holding the table lock), so a higher sequence always commits after a lower one.
create table notifications (
    sequence   bigserial not null primary key,
    id         text      not null unique,
    account_id text      not null,
    mode       text      not null check (mode in ('LIVE', 'TEST')),
    type       text      not null,
    title      text      not null,
    data       jsonb     not null,
    event_id   text      not null,
    created_at timestamp(6) with time zone not null,
    read_at    timestamp(6) with time zone
);
create index notifications_recipient on notifications (account_id, mode, created_at desc, id desc);
create index notifications_unread on notifications (account_id, mode, created_at desc, id desc) where read_at is null;
create index notifications_stream on notifications (account_id, mode, sequence);

-- the types each account turned off, per mode, as of the last event the projection handled
create table notification_preferences (
    account_id text   not null,
    mode       text   not null check (mode in ('LIVE', 'TEST')),
    disabled   text[] not null,
    primary key (account_id, mode)
);

-- each bug's tester and title: a rejection names neither
create table notification_bugs (
    bug_id            text not null primary key,
    tester_account_id text not null,
    title             text not null
);

-- open streams per key across the cluster: at most as many slots as the limit, each held by a stream of a live
-- node (refreshed every heartbeat; a dead node's slots lapse)
create table notification_stream_slots (
    key_id       text     not null,
    slot         smallint not null,
    stream_id    text     not null unique,
    refreshed_at timestamp(6) with time zone not null,
    primary key (key_id, slot)
);
