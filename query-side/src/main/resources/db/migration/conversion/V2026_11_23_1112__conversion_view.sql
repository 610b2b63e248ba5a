-- Read model of conversions (query/conversion): what GET /v1/conversions answers, written by a batching tracking
-- processor. version is the sequence number of the last event applied to the row, so that an event applied twice
-- (a rebuild racing the live processor) changes nothing.
create table conversions (
    id           text    not null primary key,
    account_id   text    not null,
    mode         text    not null check (mode in ('LIVE', 'TEST')),
    offer_id     text    not null,
    partner_id   text    not null,
    click_id     text    not null,
    txn_id       text,
    event        text    not null,
    status       text    not null check (status in ('PENDING', 'APPROVED', 'PAID', 'REJECTED', 'REVERSED')),
    amount       numeric not null,
    payout       numeric not null,
    currency     text    not null,
    coupon_code  text,
    sub1         text,
    sub2         text,
    sub3         text,
    sub4         text,
    sub5         text,
    clicked_at   timestamp(6) with time zone not null,
    hold_ends_at timestamp(6) with time zone not null,
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint  not null
);
create index conversions_account on conversions (account_id, mode, created_at desc, id desc);
create index conversions_offer on conversions (account_id, mode, offer_id, created_at desc, id desc);
create index conversions_partner on conversions (account_id, mode, partner_id, created_at desc, id desc);
