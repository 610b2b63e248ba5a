package com.crowdledger.command.tracking.conversion;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payout of an approved conversion was paid to its partner: it becomes {@code paid}. {@code payoutReference}
 * names the payment (a payout batch, a transfer). For whoever pays partners (an operator's payout batch, a later
 * endpoint); a {@link Tenant#account(String)} of the conversion's account may send it.
 */
public record RecordConversionPayoutCommand(
        @TargetAggregateIdentifier String conversionId,
        Tenant tenant,
        String payoutReference) {
}
