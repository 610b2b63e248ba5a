-- Command side: which keys of an account are active, per mode, so issuing can enforce a cap on them.
create table api_key_lookup (
    key_id     text    not null primary key,
    account_id text    not null,
    mode       text    not null check (mode in ('LIVE', 'TEST')),
    active     boolean not null
);
create index api_key_lookup_account on api_key_lookup (account_id, mode) where active;
insert into api_key_lookup (key_id, account_id, mode, active)
select id, account_id, mode, revoked_at is null from api_keys;
