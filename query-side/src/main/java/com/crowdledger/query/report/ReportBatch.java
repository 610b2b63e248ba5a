package com.crowdledger.query.report;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one batch of events adds to the report rollups, gathered in memory and written in a few statements when the
 * batch commits: new offers' currencies, candidate unique clicks, and per-row deltas (clicks, unique clicks,
 * conversions, revenue, payout) of {@code report_daily} and {@code report_daily_sub1}; those of
 * {@code report_daily_offer} are the {@code report_daily} ones summed over partners when the batch is written.
 *
 * <p>It starts by locking {@code report_daily} (the first table a rebuild locks, so a batch and a rebuild take turns
 * instead of deadlocking) and reading, for update, the position of the events the rollups already hold. An event that
 * position covers is skipped: after a rebuild replayed everything, the processor's own batches change nothing twice.
 */
final class ReportBatch {
    private final JdbcTemplate jdbc;
    private final PositionCodec positions;
    private GapAwareTrackingToken applied;
    private final Map<String, String> newOffers = new LinkedHashMap<>();
    private final Map<DayKey, Sums> daily = new HashMap<>();
    private final Map<Sub1Key, Sums> bySub1 = new HashMap<>();
    /** The first click of each (day, offer, partner, address) in this batch, with where its unique click counts. */
    private final Map<UniqueKey, Sub1Key> uniqueCandidates = new LinkedHashMap<>();

    record DayKey(String accountId, Mode mode, LocalDate day, String offerId, String partnerId) {
        OfferDayKey offerDay() {
            return new OfferDayKey(accountId, mode, day, offerId);
        }

        List<Object> columns() {
            return List.of(accountId, mode.name(), Date.valueOf(day), offerId, partnerId);
        }
    }

    record Sub1Key(DayKey day, String sub1) {
        List<Object> columns() {
            List<Object> columns = new ArrayList<>(day.columns());
            columns.add(sub1);
            return columns;
        }
    }

    record OfferDayKey(String accountId, Mode mode, LocalDate day, String offerId) {
        List<Object> columns() {
            return List.of(accountId, mode.name(), Date.valueOf(day), offerId);
        }
    }

    record UniqueKey(LocalDate day, String offerId, String partnerId, String addressHash) {
    }

    /** Deltas of one rollup row. */
    static final class Sums {
        long clicks;
        long uniqueClicks;
        long conversions;
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal payout = BigDecimal.ZERO;

        void add(long clickCount, long conversionCount, BigDecimal revenueDelta, BigDecimal payoutDelta) {
            clicks += clickCount;
            conversions += conversionCount;
            revenue = revenue.add(revenueDelta);
            payout = payout.add(payoutDelta);
        }

        void add(Sums other) {
            add(other.clicks, other.conversions, other.revenue, other.payout);
            uniqueClicks += other.uniqueClicks;
        }
    }

    private ReportBatch(JdbcTemplate jdbc, PositionCodec positions, GapAwareTrackingToken applied) {
        this.jdbc = jdbc;
        this.positions = positions;
        this.applied = applied;
    }

    /** A batch in the current transaction, which from now on holds the rollups' position. */
    static ReportBatch start(JdbcTemplate jdbc, PositionCodec positions) {
        jdbc.execute("lock table report_daily in row exclusive mode");
        return new ReportBatch(jdbc, positions, positions.read(jdbc.queryForObject(
                "select token from report_position where id = 1 for update", String.class)));
    }

    /** True (and the position moves on) when the rollups do not hold this event yet. */
    boolean takes(TrackingToken token) {
        GapAwareTrackingToken event = (GapAwareTrackingToken) WrappedToken.unwrapLowerBound(token);
        if (applied != null && applied.covers(event)) {
            return false;
        }
        applied = applied == null ? event : (GapAwareTrackingToken) applied.upperBound(event);
        return true;
    }

    void offer(String offerId, String currency) {
        newOffers.put(offerId, currency);
    }

    void click(String accountId, Mode mode, Instant at, String offerId, String partnerId, String sub1,
               String addressHash) {
        DayKey day = new DayKey(accountId, mode, dayOf(at), offerId, partnerId);
        Sub1Key sub1Key = new Sub1Key(day, sub1 == null ? "" : sub1);
        add(day, sub1Key, 1, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        uniqueCandidates.putIfAbsent(new UniqueKey(day.day(), offerId, partnerId, addressHash), sub1Key);
    }

    /** A conversion counts ({@code sign} 1) or no longer counts (-1) on the day it was recorded. */
    void conversion(int sign, String accountId, Mode mode, Instant recordedAt, String offerId, String partnerId,
                    String sub1, Money amount, Money payout) {
        DayKey day = new DayKey(accountId, mode, dayOf(recordedAt), offerId, partnerId);
        BigDecimal factor = BigDecimal.valueOf(sign);
        add(day, new Sub1Key(day, sub1 == null ? "" : sub1), 0, sign, amount.amount().multiply(factor),
                payout.amount().multiply(factor));
    }

    /**
     * Writes the batch in its transaction.
     *
     * @param currencies each offer's currency, for offers not new in this batch
     */
    void write(Function<List<String>, Map<String, String>> currencies) {
        if (!newOffers.isEmpty()) {
            jdbc.batchUpdate("insert into report_offers (offer_id, currency) values (?, ?) on conflict do nothing",
                    newOffers.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
        }
        countUniqueClicks();
        Map<String, String> currencyOf = new HashMap<>(newOffers);
        List<String> unknown = daily.keySet().stream().map(DayKey::offerId).distinct()
                .filter(offer -> !currencyOf.containsKey(offer)).toList();
        if (!unknown.isEmpty()) {
            currencyOf.putAll(currencies.apply(unknown));
        }
        // after the unique clicks are known: an offer's day counts those of each of its partners
        Map<OfferDayKey, Sums> byOffer = new HashMap<>();
        daily.forEach((key, sums) -> byOffer.computeIfAbsent(key.offerDay(), ignored -> new Sums()).add(sums));
        List<Object[]> dailyRows = new ArrayList<>();
        daily.forEach((key, sums) -> dailyRows.add(row(key.columns(), currency(currencyOf, key.offerId()), sums)));
        List<Object[]> sub1Rows = new ArrayList<>();
        bySub1.forEach((key, sums) -> sub1Rows.add(row(key.columns(), currency(currencyOf, key.day().offerId()),
                sums)));
        List<Object[]> offerRows = new ArrayList<>();
        byOffer.forEach((key, sums) -> offerRows.add(row(key.columns(), currency(currencyOf, key.offerId()), sums)));
        if (!dailyRows.isEmpty()) {
            jdbc.batchUpdate(upsert("report_daily", "account_id, mode, day, offer_id, partner_id"), dailyRows);
            jdbc.batchUpdate(upsert("report_daily_sub1", "account_id, mode, day, offer_id, partner_id, sub1"),
                    sub1Rows);
            jdbc.batchUpdate(upsert("report_daily_offer", "account_id, mode, day, offer_id"), offerRows);
        }
        jdbc.update("update report_position set token = ? where id = 1", positions.write(applied));
    }

    /** The candidates that are new in the table are unique clicks; the others were seen in an earlier batch. */
    private void countUniqueClicks() {
        if (uniqueCandidates.isEmpty()) {
            return;
        }
        List<UniqueKey> keys = new ArrayList<>(uniqueCandidates.keySet());
        int[] inserted = jdbc.batchUpdate("""
                insert into report_unique_clicks (day, offer_id, partner_id, address_hash) values (?, ?, ?, ?)
                on conflict do nothing""", keys.stream().map(key -> new Object[] {Date.valueOf(key.day()),
                key.offerId(), key.partnerId(), key.addressHash()}).toList());
        for (int i = 0; i < keys.size(); i++) {
            if (inserted[i] == 1) {
                Sub1Key where = uniqueCandidates.get(keys.get(i));
                daily.get(where.day()).uniqueClicks++;
                bySub1.get(where).uniqueClicks++;
            }
        }
    }

    private void add(DayKey day, Sub1Key sub1, long clicks, long conversions, BigDecimal revenue, BigDecimal payout) {
        daily.computeIfAbsent(day, ignored -> new Sums()).add(clicks, conversions, revenue, payout);
        bySub1.computeIfAbsent(sub1, ignored -> new Sums()).add(clicks, conversions, revenue, payout);
    }

    private static String currency(Map<String, String> currencyOf, String offerId) {
        String currency = currencyOf.get(offerId);
        if (currency == null) {
            throw new IllegalStateException("No currency known for offer " + offerId);
        }
        return currency;
    }

    /** The upsert's parameters: the key's columns, then the currency and the deltas. */
    private static Object[] row(List<Object> keyColumns, String currency, Sums sums) {
        List<Object> row = new ArrayList<>(keyColumns);
        row.addAll(List.of(currency, sums.clicks, sums.uniqueClicks, sums.conversions, sums.revenue, sums.payout));
        return row.toArray();
    }

    /** Adds the deltas to the row with these key columns (comma-separated), or makes it. */
    private static String upsert(String table, String keyColumns) {
        String placeholders = "?, ".repeat(keyColumns.split(",").length);
        return "insert into " + table + " (" + keyColumns + ", currency, clicks, unique_clicks, conversions, revenue, "
                + "payout) values (" + placeholders + "?, ?, ?, ?, ?, ?) "
                + "on conflict (" + keyColumns + ") do update set "
                + "clicks = " + table + ".clicks + excluded.clicks, "
                + "unique_clicks = " + table + ".unique_clicks + excluded.unique_clicks, "
                + "conversions = " + table + ".conversions + excluded.conversions, "
                + "revenue = " + table + ".revenue + excluded.revenue, "
                + "payout = " + table + ".payout + excluded.payout";
    }

    private static LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
