package com.crowdledger.command.tracking.conversion;

import com.crowdledger.events.conversion.ConversionRecordedEvent;
import com.crowdledger.queries.conversion.ConversionSummary;
import com.crowdledger.shared.tracking.ConversionStatus;
import java.time.Instant;

/** A conversion as the API shows it, from what was recorded and where it stands now. */
final class Conversions {
    private Conversions() {
    }

    static ConversionSummary summary(ConversionRecordedEvent recorded, ConversionStatus status, Instant updatedAt) {
        return new ConversionSummary(recorded.conversionId(), recorded.offerId(), recorded.partnerId(),
                recorded.clickId(), recorded.txnId(), recorded.kind(), status,
                recorded.amount().amount().toPlainString(), recorded.payout().amount().toPlainString(),
                recorded.amount().currency(), recorded.couponCode(), recorded.sub1(), recorded.sub2(), recorded.sub3(),
                recorded.sub4(), recorded.sub5(), recorded.mode(), recorded.clickedAt(), recorded.holdEndsAt(),
                recorded.recordedAt(), updatedAt);
    }
}
