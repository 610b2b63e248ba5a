package com.crowdledger.command.tracking.conversion;

import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The payout of an approved conversion was paid to its partner: it becomes {@code paid}. {@code payoutReference}
 * names the payment (a payout batch, a transfer). Sent by {@code POST /v1/conversions/:id/payout}, or by whoever
 * pays partners for the account ({@link Tenant#account(String)} of the conversion's account).
 */
public record RecordConversionPayoutCommand(
        @TargetAggregateIdentifier String conversionId,
        Tenant tenant,
        String payoutReference) {
}
