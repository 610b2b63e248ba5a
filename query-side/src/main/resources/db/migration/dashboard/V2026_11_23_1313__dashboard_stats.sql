-- Read model "dashboard-stats": a row per game, playtest, slot and ledger entry of each owner, counted and summed.
create table dashboard_games (
    game_id    text not null primary key,
    account_id text not null,
    mode       text not null check (mode in ('LIVE', 'TEST'))
);
create index dashboard_games_account on dashboard_games (account_id, mode);

create table dashboard_playtests (
    playtest_id text not null primary key,
    account_id  text not null,
    mode        text not null check (mode in ('LIVE', 'TEST')),
    status      text not null
);
create index dashboard_playtests_account on dashboard_playtests (account_id, mode, status);

create table dashboard_slots (
    slot_id    text not null primary key,
    account_id text not null,
    mode       text not null check (mode in ('LIVE', 'TEST')),
    status     text not null
);
create index dashboard_slots_account on dashboard_slots (account_id, mode, status);

create table dashboard_ledger (
    entry_id     text   not null primary key,
    account_id   text   not null,
    mode         text   not null check (mode in ('LIVE', 'TEST')),
    kind         text   not null check (kind in ('CREDIT', 'CHARGE', 'REFUND', 'REWARD')),
    amount_cents bigint not null,
    currency     text   not null,
    created_at   timestamp(6) with time zone not null
);
create index dashboard_ledger_account on dashboard_ledger (account_id, mode, created_at);
