-- Read model of partners (query/partner): what GET /v1/partners answers. The outbound postback URL stays sealed in
-- secret_vault: only its reference and its host are here.
create table partners (
    id               text not null primary key,
    account_id       text not null,
    mode             text not null check (mode in ('LIVE', 'TEST')),
    name             text not null,
    slug             text not null,
    email            text,
    status           text not null check (status in ('ACTIVE', 'PAUSED')),
    postback_url_ref text,
    postback_host    text,
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null
);
create index partners_account on partners (account_id, mode, created_at desc, id desc);
