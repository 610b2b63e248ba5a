-- Read model "playtest-view": playtests with their slot counts, their slots (and submissions), and invitations.
create table playtests (
    id                  text      not null primary key,
    account_id          text      not null,
    mode                text      not null check (mode in ('LIVE', 'TEST')),
    game_id             text      not null,
    title               text      not null,
    visibility          text      not null check (visibility in ('PRIVATE', 'PUBLIC')),
    quantity            integer   not null,
    duration_minutes    integer   not null,
    player_count        integer   not null,
    notes_for_testers   text,
    keys_for_testers    varchar[] not null,
    cost_per_slot_cents bigint    not null,
    payout_cents        bigint    not null,
    currency            text      not null,
    invited_testers     varchar[] not null,
    status              text      not null check (status in ('OPEN', 'COMPLETED', 'CANCELLED')),
    open_slots          integer   not null,
    reserved_slots      integer   not null,
    submitted_slots     integer   not null,
    accepted_slots      integer   not null,
    rejected_slots      integer   not null,
    expired_slots       integer   not null,
    created_at          timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null
);
create index playtests_game on playtests (account_id, mode, game_id, created_at desc, id desc);
-- testers' discovery: open playtests of a mode with free slots, newest first
create index playtests_open on playtests (mode, created_at desc, id desc) where status = 'OPEN' and open_slots > 0;

create table playtest_slots (
    id                text   not null primary key,
    playtest_id       text   not null,
    account_id        text   not null,
    mode              text   not null check (mode in ('LIVE', 'TEST')),
    game_id           text   not null,
    status            text   not null check (status in ('OPEN', 'RESERVED', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'EXPIRED')),
    tester_id         text,
    tester_account_id text,
    reserved_until    timestamp(6) with time zone,
    slot_key          text,
    payout_cents      bigint not null,
    currency          text   not null,
    submission_id     text,
    video_url         text,
    notes             text,
    answers           text, -- JSON: {question: answer}
    submitted_at      timestamp(6) with time zone,
    reviewed_at       timestamp(6) with time zone,
    rejection_reason  text,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null
);
create index playtest_slots_playtest on playtest_slots (playtest_id, created_at desc, id desc);
create index playtest_slots_tester on playtest_slots (playtest_id, tester_account_id);

create table playtest_invitations (
    playtest_id text not null,
    tester_id   text not null,
    primary key (playtest_id, tester_id)
);
