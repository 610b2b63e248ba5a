-- Read model "campaign-analytics": counters kept as events happen, so that a campaign's analytics for any window
-- reads a few rows per day of the window (and the triage times of the window's bugs), not its bugs.
create table analytics_campaigns (
    campaign_id      text    not null primary key,
    account_id       text    not null,
    mode             text    not null check (mode in ('LIVE', 'TEST')),
    created_on       date    not null,
    testers_required integer not null,
    testers_joined   integer not null,
    currency         text    not null
);

-- each bug's cohort (the UTC day it was reported), where it is now, and how long its triage took
create table analytics_bugs (
    bug_id         text   not null primary key,
    campaign_id    text   not null,
    reported_at    timestamp(6) with time zone not null,
    reported_on    date   not null,
    status         text   not null,
    severity       text   not null,
    triage_seconds bigint
);
create index analytics_bugs_triage on analytics_bugs (campaign_id, reported_on, triage_seconds)
    where triage_seconds is not null;

-- how many of the bugs reported on a day are in each status and severity now
create table analytics_cohorts (
    campaign_id text    not null,
    reported_on date    not null,
    status      text    not null,
    severity    text    not null,
    bugs        integer not null,
    primary key (campaign_id, reported_on, status, severity)
);

-- what happened on a day: bugs reported, bugs accepted, rewards earned
create table analytics_days (
    campaign_id  text    not null,
    day          date    not null,
    reported     integer not null,
    accepted     integer not null,
    reward_spend numeric not null,
    primary key (campaign_id, day)
);
