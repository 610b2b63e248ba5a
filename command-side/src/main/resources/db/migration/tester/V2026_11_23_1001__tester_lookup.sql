-- Command side: each tester account's profile per mode (one at most), written when the profile is made.
create table tester_lookup (
    account_id text not null,
    mode       text not null check (mode in ('LIVE', 'TEST')),
    tester_id  text not null unique,
    primary key (account_id, mode)
);
