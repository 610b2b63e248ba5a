package com.crowdledger.command.billing;

import com.crowdledger.shared.Mode;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An operator's payout batch paid these earnings (claimed for it in the same transaction). */
public record RecordPayoutCommand(
        @TargetAggregateIdentifier String payoutId,
        Mode mode,
        List<EarningPayouts.Owed> earnings) {
}
