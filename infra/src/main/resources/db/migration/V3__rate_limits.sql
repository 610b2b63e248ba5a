-- Bucket4j's buckets (one row per limited key, client address or login target); state is Bucket4j's binary form.
-- expires_at (epoch millis) lets idle buckets be purged.
create table rate_limit_buckets (
    id         text   not null primary key,
    state      bytea,
    expires_at bigint
);
create index rate_limit_buckets_expiry on rate_limit_buckets (expires_at);
