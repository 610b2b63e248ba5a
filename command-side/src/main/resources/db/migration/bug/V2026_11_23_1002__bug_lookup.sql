-- Command side: the campaign of every bug, so that a duplicate can only name a report of the same campaign.
create table bug_lookup (
    bug_id      text not null primary key,
    campaign_id text not null
);
