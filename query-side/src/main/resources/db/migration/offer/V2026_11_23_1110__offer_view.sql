-- Read model of offers (query/offer): what GET /v1/offers answers. Money exact (numeric) in the offer's currency.
create table offers (
    id                      text    not null primary key,
    account_id              text    not null,
    mode                    text    not null check (mode in ('LIVE', 'TEST')),
    name                    text    not null,
    slug                    text    not null,
    destination_url         text    not null,
    currency                text    not null,
    default_revenue         numeric not null,
    default_payout          numeric not null,
    hold_days               integer not null,
    attribution_window_days integer not null,
    status                  text    not null check (status in ('ACTIVE', 'PAUSED')),
    created_at              timestamp(6) with time zone not null,
    updated_at              timestamp(6) with time zone not null
);
create index offers_account on offers (account_id, mode, created_at desc, id desc);
