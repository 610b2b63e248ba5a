-- A year of an affiliate account's conversions, written straight into the read models the report and the conversion
-- list read (query/report, query/conversion), as their projections would have left them. Run by tracking.sh with
-- psql variables: account (acct_...), conversions (how many), per_partner (offers each partner promotes); the offers
-- and partners (made through the API) are in the tables scale_offers (idx, id) and scale_partners (idx, id).
--
-- Shape: each partner promotes per_partner offers (a fixed, pseudo-random choice); a few partners bring most of the
-- sales (the pair is drawn as random()^2 over pairs ordered by partner); recent days are busier than old ones (a
-- growing account); conversions of the last 30 days are pending (the hold), older ones approved or paid, 5 % rejected
-- and 3 % reversed (those do not count in reports). Each rollup row has 20 to 50 clicks per conversion (a CVR of
-- 2-5 %), 85 % of them unique. The rollups are computed from the conversions, so report totals equal the conversions';
-- each coarser rollup is the finer one summed (report_daily from report_daily_sub1, report_daily_offer from
-- report_daily), as the projection keeps them.
set timezone = 'UTC';

create temp table scale_pairs as
select (row_number() over (order by p.idx, o.idx) - 1)::int as pair, o.id as offer_id, p.id as partner_id
from scale_partners p
cross join lateral (select o.idx, o.id from scale_offers o order by md5(p.id || o.id) limit :per_partner) o;

insert into conversions (id, account_id, mode, offer_id, partner_id, click_id, txn_id, event, status, amount, payout,
                         currency, coupon_code, sub1, sub2, sub3, sub4, sub5, clicked_at, hold_ends_at, created_at,
                         updated_at, version)
select 'conv_scale' || g, :'account', 'TEST', p.offer_id, p.partner_id, 'clk_scale' || g, 'scale-' || g, 'sale',
       case when created > now() - interval '30 days' then 'PENDING'
            when r < 0.05 then 'REJECTED' when r < 0.08 then 'REVERSED' when r < 0.5 then 'PAID' else 'APPROVED' end,
       amount, round(amount * 0.12, 2), 'USD', null,
       (array['fb', 'google', 'tiktok', 'email', 'native', null])[1 + floor(random() ^ 2 * 6)::int],
       null, null, null, null, created - interval '3 hours', created + interval '30 days', created, created, 0
from (select g, random() as r, round((10 + random() * 90)::numeric, 2) as amount,
             floor(random() ^ 2 * (select count(*) from scale_pairs))::int as pair,
             now() - random() ^ 1.3 * (now() - (current_date - 364)::timestamptz) as created
      from generate_series(1, :conversions) g) c
join scale_pairs p on p.pair = c.pair;

insert into report_daily_sub1 (account_id, mode, day, offer_id, partner_id, sub1, currency, clicks, unique_clicks,
                               conversions, revenue, payout)
select account_id, mode, day, offer_id, partner_id, sub1, currency, clicks, floor(clicks * 0.85), counted, revenue,
       payout
from (select account_id, mode, created_at::date as day, offer_id, partner_id, coalesce(sub1, '') as sub1, currency,
             count(*) * (20 + floor(random() * 31))::bigint as clicks,
             count(*) filter (where status not in ('REJECTED', 'REVERSED')) as counted,
             coalesce(sum(amount) filter (where status not in ('REJECTED', 'REVERSED')), 0) as revenue,
             coalesce(sum(payout) filter (where status not in ('REJECTED', 'REVERSED')), 0) as payout
      from conversions
      where account_id = :'account' and id like 'conv_scale%'
      group by 1, 2, 3, 4, 5, 6, 7) s;

insert into report_daily (account_id, mode, day, offer_id, partner_id, currency, clicks, unique_clicks, conversions,
                          revenue, payout)
select account_id, mode, day, offer_id, partner_id, currency, sum(clicks), sum(unique_clicks), sum(conversions),
       sum(revenue), sum(payout)
from report_daily_sub1
where account_id = :'account' and offer_id in (select id from scale_offers)
group by 1, 2, 3, 4, 5, 6;

insert into report_daily_offer (account_id, mode, day, offer_id, currency, clicks, unique_clicks, conversions,
                                revenue, payout)
select account_id, mode, day, offer_id, currency, sum(clicks), sum(unique_clicks), sum(conversions), sum(revenue),
       sum(payout)
from report_daily
where account_id = :'account' and offer_id in (select id from scale_offers)
group by 1, 2, 3, 4, 5;

analyze conversions;
analyze report_daily;
analyze report_daily_sub1;
analyze report_daily_offer;
