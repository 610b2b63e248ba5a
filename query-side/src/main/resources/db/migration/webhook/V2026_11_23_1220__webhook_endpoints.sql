-- The webhook endpoint view (subscribing group webhook-view, rebuildable): what the API shows, and what the
-- dispatcher routes events by. A deleted endpoint's row is removed.
create table webhook_endpoints (
    id text primary key,
    account_id text not null,
    mode text not null,
    url text not null,
    event_types text[] not null,
    description text,
    status text not null,                               -- ENABLED, DISABLED
    disabled_reason text,                               -- REQUESTED, GONE, FAILING while disabled
    enabled_since timestamp(6) with time zone not null, -- events that happened before this are not delivered to it
    secret_ref text not null,                           -- sec_... in the secret vault
    previous_secret_ref text,                           -- still signing until previous_secret_expires_at
    previous_secret_expires_at timestamp(6) with time zone,
    created_at timestamp(6) with time zone not null,
    updated_at timestamp(6) with time zone not null
);
create index webhook_endpoints_account on webhook_endpoints (account_id, mode, created_at desc, id desc);
