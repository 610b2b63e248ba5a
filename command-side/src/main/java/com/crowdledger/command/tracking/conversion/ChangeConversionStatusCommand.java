package com.crowdledger.command.tracking.conversion;

import com.crowdledger.shared.tracking.ConversionStatus;
import com.crowdledger.shared.web.Tenant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approve, reject or reverse a conversion (the account's decision); {@code reason} is optional. */
public record ChangeConversionStatusCommand(
        @TargetAggregateIdentifier String conversionId,
        Tenant tenant,
        ConversionStatus status,
        String reason) {
}
