package com.crowdledger.command.billing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.events.earning.TesterEarningPaidEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A payout batch: it pays each earning it was given once (each is a {@code TesterEarningPaidEvent} of the paying
 * account and mode). Which earnings a batch may pay is decided by the claim in {@link EarningPayouts}.
 */
@Aggregate
class Payout {
    @AggregateIdentifier
    private String payoutId;

    Payout() {
        // for Axon
    }

    @CommandHandler
    Payout(RecordPayoutCommand command) {
        if (command.earnings().isEmpty()) {
            throw new IllegalArgumentException("A payout pays at least one earning");
        }
        Instant now = GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
        command.earnings().forEach(owed -> apply(new TesterEarningPaidEvent(owed.earningId(), owed.accountId(),
                command.mode(), owed.testerAccountId(), owed.amount(), command.payoutId(), now)));
    }

    @EventSourcingHandler
    void on(TesterEarningPaidEvent event) {
        payoutId = event.payoutId();
    }
}
