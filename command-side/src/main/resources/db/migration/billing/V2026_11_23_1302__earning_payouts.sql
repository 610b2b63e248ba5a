-- Command side: testers' earnings and the payout batch that paid each (null: still owed), for exactly-once payouts.
create table earning_payouts (
    earning_id        text    not null primary key,
    account_id        text    not null,
    mode              text    not null check (mode in ('LIVE', 'TEST')),
    tester_account_id text    not null,
    amount            numeric not null,
    currency          text    not null,
    recorded_at       timestamp(6) with time zone not null,
    payout_id         text
);
create index earning_payouts_owed on earning_payouts (mode, recorded_at, earning_id) where payout_id is null;
