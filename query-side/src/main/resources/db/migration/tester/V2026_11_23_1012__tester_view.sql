-- Read model "tester-view": testers' profiles and the counts their rating comes from. tester_bugs remembers what
-- each triaged bug counted for, so that a bug counts once.
create table tester_profiles (
    id             text      not null primary key,
    account_id     text      not null,
    mode           text      not null check (mode in ('LIVE', 'TEST')),
    platforms      varchar[] not null,
    devices        varchar[] not null,
    country        text,
    triaged_bugs   integer   not null,
    duplicate_bugs integer   not null,
    accepted_bugs  integer   not null,
    created_at     timestamp(6) with time zone not null,
    updated_at     timestamp(6) with time zone not null,
    unique (account_id, mode)
);
-- owners list the testers of their mode, newest first (filtered by platform)
create index tester_profiles_mode on tester_profiles (mode, created_at desc, id desc);

create table tester_bugs (
    bug_id    text not null primary key,
    tester_id text not null,
    outcome   text check (outcome in ('ACCEPTED', 'DUPLICATE', 'REJECTED'))
);
