-- Command side: what bug reports decide on (whose campaign, its status and reward, who joined it), written in the
-- transaction of each campaign event.
create table campaign_lookup (
    campaign_id   text    not null primary key,
    account_id    text    not null,
    mode          text    not null check (mode in ('LIVE', 'TEST')),
    status        text    not null check (status in ('DRAFT', 'ACTIVE', 'PAUSED', 'COMPLETED', 'CANCELLED')),
    reward_amount numeric not null,
    currency      text    not null
);

create table campaign_lookup_members (
    campaign_id       text not null,
    tester_account_id text not null,
    tester_id         text not null,
    primary key (campaign_id, tester_account_id)
);
