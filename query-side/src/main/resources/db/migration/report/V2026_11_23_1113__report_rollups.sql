-- Read model of reports (query/report): daily rollups kept by a batching tracking processor, so that a report over
-- a year reads at most a row per day, offer and partner (per sub1 too when grouped by it) instead of raw clicks and
-- conversions. Counted conversions (and their revenue and payout) are those not rejected or reversed.
create table report_daily (
    account_id    text    not null,
    mode          text    not null check (mode in ('LIVE', 'TEST')),
    day           date    not null,
    offer_id      text    not null,
    partner_id    text    not null,
    currency      text    not null,
    clicks        bigint  not null,
    unique_clicks bigint  not null,
    conversions   bigint  not null,
    revenue       numeric not null,
    payout        numeric not null,
    primary key (account_id, mode, day, offer_id, partner_id)
);

-- The same per first sub id ('' for none): only for reports grouped by sub1.
create table report_daily_sub1 (
    account_id    text    not null,
    mode          text    not null check (mode in ('LIVE', 'TEST')),
    day           date    not null,
    offer_id      text    not null,
    partner_id    text    not null,
    sub1          text    not null,
    currency      text    not null,
    clicks        bigint  not null,
    unique_clicks bigint  not null,
    conversions   bigint  not null,
    revenue       numeric not null,
    payout        numeric not null,
    primary key (account_id, mode, day, offer_id, partner_id, sub1)
);

-- Unique clicks: a client address (its HMAC) counts once per offer, partner and day.
create table report_unique_clicks (
    day          date not null,
    offer_id     text not null,
    partner_id   text not null,
    address_hash text not null,
    primary key (day, offer_id, partner_id, address_hash)
);

-- Each offer's currency (it never changes), for the rollups of its clicks.
create table report_offers (
    offer_id text not null primary key,
    currency text not null
);

-- Which events the rollups already hold (a gap-aware tracking token as JSON; null before the first). It is part of
-- the read model's state, written in each batch's transaction: an event it covers is not counted again, so a rebuild
-- can replay everything while the processor runs. One row, never deleted (a batch locks it).
create table report_position (
    id    smallint not null primary key check (id = 1),
    token text
);
insert into report_position (id, token) values (1, null);
