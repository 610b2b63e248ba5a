-- Read model "bug-view": bug reports, for their campaign's owner and for their tester. Every list is newest first
-- by keyset; each filter has an index that starts with the party's columns and the filter's, then the keyset.
create table bugs (
    id                text not null primary key,
    account_id        text not null,
    mode              text not null check (mode in ('LIVE', 'TEST')),
    campaign_id       text not null,
    tester_id         text not null,
    tester_account_id text not null,
    title             text not null,
    severity          text not null check (severity in ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW')),
    steps             text not null,
    expected          text,
    actual            text,
    device            text,
    status            text not null check (status in ('NEW', 'TRIAGED', 'ACCEPTED', 'REJECTED', 'FIXED', 'VERIFIED')),
    resolution        text,
    duplicate_of      text,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null
);
create index bugs_owner on bugs (account_id, mode, created_at desc, id desc);
create index bugs_owner_campaign on bugs (account_id, mode, campaign_id, created_at desc, id desc);
create index bugs_owner_status on bugs (account_id, mode, status, created_at desc, id desc);
create index bugs_owner_severity on bugs (account_id, mode, severity, created_at desc, id desc);
create index bugs_owner_tester on bugs (account_id, mode, tester_id, created_at desc, id desc);
create index bugs_tester on bugs (tester_account_id, mode, created_at desc, id desc);
