package com.crowdledger.query.conversion;

import com.crowdledger.events.conversion.ConversionApprovedEvent;
import com.crowdledger.events.conversion.ConversionPaidEvent;
import com.crowdledger.events.conversion.ConversionRecordedEvent;
import com.crowdledger.events.conversion.ConversionRejectedEvent;
import com.crowdledger.events.conversion.ConversionReversedEvent;
import com.crowdledger.query.batching.UnitOfWorkBatch;
import com.crowdledger.shared.processing.Tracking;
import com.crowdledger.shared.tracking.ConversionStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects conversions. Tracking, not subscribing: a postback's transaction writes only its event (the hot path's
 * cost), and this processor writes its batch's rows in two JDBC batches a moment later. Each row carries the sequence
 * number of the last event applied to it, and a row is only ever moved forward: replaying an event (a rebuild racing
 * this processor) changes nothing, so the rebuild can lock, reset and replay while the processor runs.
 */
@Component
@Tracking(batchSize = 500)
@ProcessingGroup(ConversionProjection.PROCESSING_GROUP)
class ConversionProjection {
    static final String PROCESSING_GROUP = "conversion-view";
    private static final String BATCH = ConversionProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;

    ConversionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConversionRecordedEvent event, @SequenceNumber long sequence) {
        batch().recorded(event, sequence);
    }

    @EventHandler
    void on(ConversionApprovedEvent event, @SequenceNumber long sequence) {
        batch().statusChanged(event.conversionId(), ConversionStatus.APPROVED, event.approvedAt(), sequence);
    }

    @EventHandler
    void on(ConversionRejectedEvent event, @SequenceNumber long sequence) {
        batch().statusChanged(event.conversionId(), ConversionStatus.REJECTED, event.rejectedAt(), sequence);
    }

    @EventHandler
    void on(ConversionReversedEvent event, @SequenceNumber long sequence) {
        batch().statusChanged(event.conversionId(), ConversionStatus.REVERSED, event.reversedAt(), sequence);
    }

    @EventHandler
    void on(ConversionPaidEvent event, @SequenceNumber long sequence) {
        batch().statusChanged(event.conversionId(), ConversionStatus.PAID, event.paidAt(), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from conversions");
    }

    private ConversionBatch batch() {
        return UnitOfWorkBatch.current(BATCH, ConversionBatch::new, batch -> batch.write(jdbc));
    }
}
