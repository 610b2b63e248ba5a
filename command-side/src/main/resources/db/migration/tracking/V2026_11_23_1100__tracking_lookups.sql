-- Affiliate tracking, write side: the facts the command handlers decide with, written in the commands' transactions
-- (subscribing lookups), never read by the query side.

-- Brands: an account's public slug, as in its tracking links (/r/<brand>/<offer>). Filled from account events from
-- now on; the accounts registered before come from the account lookup once.
create table tracking_brands (
    slug       text not null primary key,
    account_id text not null unique
);
insert into tracking_brands (slug, account_id) select slug, account_id from account_lookup;

-- Offers: what a click and a postback need to know, and the unique slug per account and mode. Money is exact
-- (numeric) in the offer's currency; the postback secret only as SHA-256 hashes (the previous one for 24 h).
create table tracking_offers (
    offer_id                    text          not null primary key,
    account_id                  text          not null,
    mode                        text          not null check (mode in ('LIVE', 'TEST')),
    slug                        text          not null,
    status                      text          not null check (status in ('ACTIVE', 'PAUSED')),
    destination_url             text          not null,
    currency                    text          not null,
    default_revenue             numeric       not null,
    default_payout              numeric       not null,
    hold_days                   integer       not null,
    attribution_window_days     integer       not null,
    secret_hash                 text          not null,
    previous_secret_hash        text,
    previous_secret_valid_until timestamp(6) with time zone,
    unique (account_id, mode, slug)
);

-- Partners: the unique slug per account and mode, and whether their links take traffic.
create table tracking_partners (
    partner_id text not null primary key,
    account_id text not null,
    mode       text not null check (mode in ('LIVE', 'TEST')),
    slug       text not null,
    status     text not null check (status in ('ACTIVE', 'PAUSED')),
    unique (account_id, mode, slug)
);

-- Conversions: the postback's txn_id, unique per offer (the guard against duplicates, also under concurrency:
-- insert ... on conflict do nothing in the postback's transaction), and which conversions wait for their hold to
-- end (the hold tasks find theirs through the partial index).
create table tracking_conversions (
    conversion_id text not null primary key,
    offer_id      text not null,
    txn_id        text,
    status        text not null check (status in ('PENDING', 'APPROVED', 'PAID', 'REJECTED', 'REVERSED')),
    hold_ends_at  timestamp(6) with time zone not null,
    unique (offer_id, txn_id)
);
create index tracking_conversions_held on tracking_conversions (offer_id, hold_ends_at, conversion_id)
    where status = 'PENDING';
