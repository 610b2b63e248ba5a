package com.crowdledger.query.conversion;

import com.crowdledger.events.conversion.ConversionRecordedEvent;
import com.crowdledger.shared.tracking.ConversionStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The conversion rows one batch of events makes: new rows, and status changes of rows written before (a change of a
 * row new in this batch goes into it directly). Written in two JDBC batches; both are idempotent by the events'
 * sequence numbers.
 */
final class ConversionBatch {
    private static final int STATUS = 8;
    private static final int UPDATED_AT = 21;
    private static final int VERSION = 22;

    private final Map<String, Object[]> inserts = new LinkedHashMap<>();
    private final List<Object[]> updates = new ArrayList<>();

    void recorded(ConversionRecordedEvent event, long sequence) {
        inserts.put(event.conversionId(), new Object[] {event.conversionId(), event.accountId(), event.mode().name(),
                event.offerId(), event.partnerId(), event.clickId(), event.txnId(), event.kind().wireName(),
                event.status().name(), event.amount().amount(), event.payout().amount(), event.amount().currency(),
                event.couponCode(), event.sub1(), event.sub2(), event.sub3(), event.sub4(), event.sub5(),
                Timestamp.from(event.clickedAt()), Timestamp.from(event.holdEndsAt()),
                Timestamp.from(event.recordedAt()), Timestamp.from(event.recordedAt()), sequence});
    }

    void statusChanged(String conversionId, ConversionStatus status, Instant at, long sequence) {
        Object[] row = inserts.get(conversionId);
        if (row != null) {
            row[STATUS] = status.name();
            row[UPDATED_AT] = Timestamp.from(at);
            row[VERSION] = sequence;
        } else {
            updates.add(new Object[] {status.name(), Timestamp.from(at), sequence, conversionId, sequence});
        }
    }

    void write(JdbcTemplate jdbc) {
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into conversions (id, account_id, mode, offer_id, partner_id, click_id, txn_id, event,
                        status, amount, payout, currency, coupon_code, sub1, sub2, sub3, sub4, sub5, clicked_at,
                        hold_ends_at, created_at, updated_at, version)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (id) do nothing""", new ArrayList<>(inserts.values()));
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update conversions set status = ?, updated_at = ?, version = ? where id = ? and version < ?",
                    updates);
        }
    }
}
