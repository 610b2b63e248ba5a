package com.crowdledger.events.conversion;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.TenantEvent;
import java.time.Instant;

/** A pending conversion was approved: its hold period ended, or the account approved it. */
public record ConversionApprovedEvent(
        String conversionId,
        String accountId,
        Mode mode,
        String offerId,
        String partnerId,
        Instant approvedAt) implements TenantEvent {
}
