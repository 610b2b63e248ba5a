package com.crowdledger.command.tracking.conversion;

import com.crowdledger.events.conversion.ConversionApprovedEvent;
import com.crowdledger.events.conversion.ConversionPaidEvent;
import com.crowdledger.events.conversion.ConversionRejectedEvent;
import com.crowdledger.events.conversion.ConversionReversedEvent;
import com.crowdledger.shared.processing.Subscribing;
import com.crowdledger.shared.tracking.ConversionStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The conversions as the write side knows them ({@code tracking_conversions}): each offer's txn_ids, and which
 * conversions still wait for their hold to end. A postback claims its txn_id with an insert that the unique index
 * (offer, txn_id) settles: two postbacks of one txn_id, on any threads or nodes, cannot both insert, and the second
 * waits for the first's transaction and then finds its row.
 */
@Component
@Subscribing
@ProcessingGroup(ConversionLookup.PROCESSING_GROUP)
class ConversionLookup {
    static final String PROCESSING_GROUP = "conversion-lookup";

    private final JdbcTemplate jdbc;

    ConversionLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the txn_id for a new conversion, in the postback's transaction.
     *
     * @return empty when the conversion is new (its row is written); else the id of the conversion that already has
     *         this txn_id for the offer (nothing is written)
     */
    Optional<String> claim(String conversionId, String offerId, String txnId, ConversionStatus status,
                           Instant holdEndsAt) {
        int inserted = jdbc.update("""
                insert into tracking_conversions (conversion_id, offer_id, txn_id, status, hold_ends_at)
                values (?, ?, ?, ?, ?) on conflict (offer_id, txn_id) do nothing""",
                conversionId, offerId, txnId, status.name(), Timestamp.from(holdEndsAt));
        return inserted == 1 ? Optional.empty() : seen(offerId, txnId);
    }

    /** The conversion that has this txn_id for the offer, if any. */
    Optional<String> seen(String offerId, String txnId) {
        if (txnId == null) {
            return Optional.empty();
        }
        return jdbc.queryForList("select conversion_id from tracking_conversions where offer_id = ? and txn_id = ?",
                String.class, offerId, txnId).stream().findFirst();
    }

    /** A pending conversion and the end of its hold: the position of a page of {@link #pendingUntil}. */
    record Held(String conversionId, Instant holdEndsAt) {
        static final Held FIRST = new Held("", Instant.EPOCH);
    }

    /**
     * Up to {@code limit} of the offer's pending conversions whose hold ended by {@code until}, in the order of their
     * hold's end, after {@code after} (index tracking_conversions_held).
     */
    List<Held> pendingUntil(String offerId, Instant until, Held after, int limit) {
        return jdbc.query("""
                        select conversion_id, hold_ends_at from tracking_conversions
                        where offer_id = ? and status = 'PENDING' and hold_ends_at <= ?
                          and (hold_ends_at, conversion_id) > (?, ?)
                        order by hold_ends_at, conversion_id limit ?""",
                (row, i) -> new Held(row.getString(1), row.getTimestamp(2).toInstant()),
                offerId, Timestamp.from(until), Timestamp.from(after.holdEndsAt()), after.conversionId(), limit);
    }

    @EventHandler
    void on(ConversionApprovedEvent event) {
        setStatus(event.conversionId(), ConversionStatus.APPROVED);
    }

    @EventHandler
    void on(ConversionRejectedEvent event) {
        setStatus(event.conversionId(), ConversionStatus.REJECTED);
    }

    @EventHandler
    void on(ConversionReversedEvent event) {
        setStatus(event.conversionId(), ConversionStatus.REVERSED);
    }

    @EventHandler
    void on(ConversionPaidEvent event) {
        setStatus(event.conversionId(), ConversionStatus.PAID);
    }

    private void setStatus(String conversionId, ConversionStatus status) {
        jdbc.update("update tracking_conversions set status = ? where conversion_id = ?", status.name(), conversionId);
    }
}
