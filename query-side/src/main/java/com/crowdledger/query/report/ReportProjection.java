package com.crowdledger.query.report;

import com.crowdledger.events.click.ClickRecordedEvent;
import com.crowdledger.events.conversion.ConversionRecordedEvent;
import com.crowdledger.events.conversion.ConversionRejectedEvent;
import com.crowdledger.events.conversion.ConversionReversedEvent;
import com.crowdledger.events.offer.OfferCreatedEvent;
import com.crowdledger.query.batching.UnitOfWorkBatch;
import com.crowdledger.shared.processing.Tracking;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the report rollups from click and conversion events: a batching tracking processor, so the hot paths (click,
 * postback) write nothing for reports, and a batch of up to {@value #BATCH_SIZE} events costs a handful of statements.
 * A conversion counts (conversions, revenue, payout) on the day it was recorded from its postback until it is
 * rejected or reversed; a click on the day it was made, and as a unique click when its address has not clicked the
 * same offer's link of the same partner that day. Exactly-once: see {@link ReportBatch}.
 */
@Component
@Tracking(batchSize = ReportProjection.BATCH_SIZE)
@ProcessingGroup(ReportProjection.PROCESSING_GROUP)
class ReportProjection {
    static final String PROCESSING_GROUP = "report-rollup";
    static final int BATCH_SIZE = 1000;
    private static final String BATCH = ReportProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final PositionCodec positions;
    /** Offers' currencies never change: once read, kept. */
    private final Map<String, String> currencies = new ConcurrentHashMap<>();

    ReportProjection(JdbcTemplate jdbc, PositionCodec positions) {
        this.jdbc = jdbc;
        this.positions = positions;
    }

    @EventHandler
    void on(OfferCreatedEvent event, TrackingToken token) {
        ReportBatch batch = batch();
        if (batch.takes(token)) {
            batch.offer(event.offerId(), event.defaultRevenue().currency());
        }
    }

    @EventHandler
    void on(ClickRecordedEvent event, TrackingToken token) {
        ReportBatch batch = batch();
        if (batch.takes(token)) {
            batch.click(event.accountId(), event.mode(), event.clickedAt(), event.offerId(), event.partnerId(),
                    event.sub1(), event.addressHash());
        }
    }

    @EventHandler
    void on(ConversionRecordedEvent event, TrackingToken token) {
        ReportBatch batch = batch();
        if (batch.takes(token) && event.status().counted()) {
            batch.conversion(1, event.accountId(), event.mode(), event.recordedAt(), event.offerId(),
                    event.partnerId(), event.sub1(), event.amount(), event.payout());
        }
    }

    @EventHandler
    void on(ConversionRejectedEvent event, TrackingToken token) {
        ReportBatch batch = batch();
        if (batch.takes(token)) {
            batch.conversion(-1, event.accountId(), event.mode(), event.recordedAt(), event.offerId(),
                    event.partnerId(), event.sub1(), event.amount(), event.payout());
        }
    }

    @EventHandler
    void on(ConversionReversedEvent event, TrackingToken token) {
        ReportBatch batch = batch();
        if (batch.takes(token)) {
            batch.conversion(-1, event.accountId(), event.mode(), event.recordedAt(), event.offerId(),
                    event.partnerId(), event.sub1(), event.amount(), event.payout());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from report_daily");
        jdbc.update("delete from report_daily_sub1");
        jdbc.update("delete from report_daily_offer");
        jdbc.update("delete from report_unique_clicks");
        jdbc.update("delete from report_offers");
        jdbc.update("update report_position set token = null where id = 1");
    }

    private ReportBatch batch() {
        return UnitOfWorkBatch.current(BATCH, () -> ReportBatch.start(jdbc, positions),
                batch -> batch.write(this::currenciesOf));
    }

    private Map<String, String> currenciesOf(List<String> offerIds) {
        Map<String, String> found = new HashMap<>();
        offerIds.stream().filter(currencies::containsKey).forEach(id -> found.put(id, currencies.get(id)));
        List<String> missing = offerIds.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            jdbc.query("select offer_id, currency from report_offers where offer_id = any (?)",
                    (row) -> {
                        found.put(row.getString(1), row.getString(2));
                        currencies.put(row.getString(1), row.getString(2));
                    }, (Object) missing.toArray(String[]::new));
        }
        return found;
    }
}
