-- Read model "campaign-view": campaigns as their owners see them, and who joined them.
create table campaigns (
    id               text    not null primary key,
    account_id       text    not null,
    mode             text    not null check (mode in ('LIVE', 'TEST')),
    name             text    not null,
    platform         text    not null,
    testers_required integer not null,
    testers_joined   integer not null,
    reward_amount    numeric not null,
    currency         text    not null,
    description      text,
    status           text    not null check (status in ('DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED')),
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null
);
-- an owner's list, newest first, filtered by status or platform within the account
create index campaigns_account on campaigns (account_id, mode, created_at desc, id desc);
-- testers' discovery: active campaigns of a mode and platform, newest first
create index campaigns_open on campaigns (mode, platform, created_at desc, id desc) where status = 'ACTIVE';

create table campaign_members (
    campaign_id       text not null,
    tester_account_id text not null,
    tester_id         text not null,
    joined_at         timestamp(6) with time zone not null,
    primary key (campaign_id, tester_account_id)
);
create index campaign_members_tester on campaign_members (tester_account_id);
