-- Read model "game-view": owners' games.
create table games (
    id          text      not null primary key,
    account_id  text      not null,
    mode        text      not null check (mode in ('LIVE', 'TEST')),
    title       text      not null,
    platforms   varchar[] not null,
    genre       text,
    description text,
    builds      text      not null, -- JSON: [{platform, version, url}]
    status      text      not null check (status in ('ACTIVE', 'ARCHIVED')),
    created_at  timestamp(6) with time zone not null,
    updated_at  timestamp(6) with time zone not null
);
create index games_account on games (account_id, mode, created_at desc, id desc);
