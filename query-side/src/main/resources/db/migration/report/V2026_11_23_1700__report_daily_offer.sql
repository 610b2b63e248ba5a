-- Read model of reports (query/report): the daily rollup per offer, without the partner. A year grouped by day and
-- offer reads a row per day and offer here instead of grouping every partner's row of report_daily on each request;
-- read whenever a report neither filters nor groups by partner (nor groups by sub1). Kept by the same batches as
-- report_daily, so each row is the sum of that day's and offer's report_daily rows (unique clicks included: an address
-- counts once per offer, partner and day, as there).
create table report_daily_offer (
    account_id    text    not null,
    mode          text    not null check (mode in ('LIVE', 'TEST')),
    day           date    not null,
    offer_id      text    not null,
    currency      text    not null,
    clicks        bigint  not null,
    unique_clicks bigint  not null,
    conversions   bigint  not null,
    revenue       numeric not null,
    payout        numeric not null,
    primary key (account_id, mode, day, offer_id)
);

-- What report_daily already holds (the position stays valid: both tables now hold the same events).
insert into report_daily_offer (account_id, mode, day, offer_id, currency, clicks, unique_clicks, conversions, revenue,
                                payout)
select account_id, mode, day, offer_id, currency, sum(clicks), sum(unique_clicks), sum(conversions), sum(revenue),
       sum(payout)
from report_daily
group by account_id, mode, day, offer_id, currency;
