-- Command side: whose each game is and whether it takes playtest orders, written with every game event.
create table game_lookup (
    game_id    text not null primary key,
    account_id text not null,
    mode       text not null check (mode in ('LIVE', 'TEST')),
    status     text not null check (status in ('ACTIVE', 'ARCHIVED'))
);
