-- Secrets the platform itself needs, the same on every node and across restarts (one row per purpose, created on
-- first use by whichever node gets there first). 'cursor-hmac' signs list cursors so a tampered cursor is refused.
create table platform_secrets (
    name       text  not null primary key,
    secret     bytea not null,
    created_at timestamp(6) with time zone not null default now()
);
