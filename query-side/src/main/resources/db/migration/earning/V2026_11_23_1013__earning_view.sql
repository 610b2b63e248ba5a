-- Read model "earning-view": what testers earned, from any source (a bug now; a playtest submission with issue 10),
-- owed by the paying account until paid.
create table earnings (
    id                text    not null primary key,
    account_id        text    not null,
    mode              text    not null check (mode in ('LIVE', 'TEST')),
    tester_account_id text    not null,
    source_type       text    not null,
    source_id         text    not null,
    campaign_id       text,
    amount            numeric not null,
    currency          text    not null,
    status            text    not null check (status in ('PENDING', 'PAID')),
    created_at        timestamp(6) with time zone not null,
    paid_at           timestamp(6) with time zone
);
create index earnings_tester on earnings (tester_account_id, mode, created_at desc, id desc);
