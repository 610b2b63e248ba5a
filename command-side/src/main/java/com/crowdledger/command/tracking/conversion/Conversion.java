package com.crowdledger.command.tracking.conversion;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.command.tracking.TrackingClock;
import com.crowdledger.events.conversion.ConversionApprovedEvent;
import com.crowdledger.events.conversion.ConversionPaidEvent;
import com.crowdledger.events.conversion.ConversionRecordedEvent;
import com.crowdledger.events.conversion.ConversionRejectedEvent;
import com.crowdledger.events.conversion.ConversionReversedEvent;
import com.crowdledger.queries.conversion.ConversionSummary;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.tracking.ConversionStatus;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A conversion's life after its postback ({@link ConversionRecording} records it: its first event is appended without
 * this aggregate). The allowed moves:
 * <pre>
 *   pending  → approved   (its hold ended, or the account approves it)
 *   approved → paid       (its payout was paid)
 *   pending, approved → rejected   (it was never valid)
 *   approved, paid    → reversed   (it was undone: a refund, a chargeback)
 * </pre>
 * Anything else is refused with 409, naming the status the conversion is in.
 */
@Aggregate
class Conversion {
    static final int MAX_REASON_LENGTH = 500;
    /** The statuses a change may ask for (paid has its own command). */
    private static final Set<ConversionStatus> CHANGES = EnumSet.of(ConversionStatus.APPROVED,
            ConversionStatus.REJECTED, ConversionStatus.REVERSED);
    private static final Set<ConversionStatus> REJECTABLE = EnumSet.of(ConversionStatus.PENDING,
            ConversionStatus.APPROVED);
    private static final Set<ConversionStatus> REVERSIBLE = EnumSet.of(ConversionStatus.APPROVED,
            ConversionStatus.PAID);

    @AggregateIdentifier
    private String conversionId;
    private ConversionRecordedEvent recorded;
    private ConversionStatus status;
    private Instant updatedAt;

    Conversion() {
        // for Axon
    }

    /** The account approves, rejects or reverses the conversion; answers the conversion as it is now. */
    @CommandHandler
    ConversionSummary handle(ChangeConversionStatusCommand command) {
        if (!command.tenant().owns(recorded.accountId(), recorded.mode())) {
            throw DomainException.notFound("Conversion");
        }
        if (!CHANGES.contains(command.status())) {
            throw DomainException.invalid("status", "must be approved, rejected or reversed");
        }
        String reason = reason(command.reason());
        if (command.status() == status) {
            return Conversions.summary(recorded, status, updatedAt); // a repeat (or the hold task came first)
        }
        Instant now = TrackingClock.now();
        switch (command.status()) {
            case APPROVED -> {
                requireStatus(EnumSet.of(ConversionStatus.PENDING), "approved");
                apply(new ConversionApprovedEvent(conversionId, recorded.accountId(), recorded.mode(),
                        recorded.offerId(), recorded.partnerId(), now));
            }
            case REJECTED -> {
                requireStatus(REJECTABLE, "rejected");
                apply(new ConversionRejectedEvent(conversionId, recorded.accountId(), recorded.mode(),
                        recorded.offerId(), recorded.partnerId(), recorded.sub1(), recorded.recordedAt(),
                        recorded.amount(), recorded.payout(), reason, now));
            }
            case REVERSED -> {
                requireStatus(REVERSIBLE, "reversed");
                apply(new ConversionReversedEvent(conversionId, recorded.accountId(), recorded.mode(),
                        recorded.offerId(), recorded.partnerId(), recorded.sub1(), recorded.recordedAt(),
                        recorded.amount(), recorded.payout(), reason, now));
            }
            default -> throw DomainException.invalid("status", "must be approved, rejected or reversed");
        }
        return Conversions.summary(recorded, status, updatedAt);
    }

    /** The hold task's approval: at least once, so a conversion no longer pending (or not yet due) is left alone. */
    @CommandHandler
    void handle(ApproveHeldConversionCommand command) {
        Instant now = TrackingClock.now();
        if (status == ConversionStatus.PENDING && !now.isBefore(recorded.holdEndsAt())) {
            apply(new ConversionApprovedEvent(conversionId, recorded.accountId(), recorded.mode(), recorded.offerId(),
                    recorded.partnerId(), now));
        }
    }

    @CommandHandler
    ConversionSummary handle(RecordConversionPayoutCommand command) {
        if (!command.tenant().owns(recorded.accountId(), recorded.mode())) {
            throw DomainException.notFound("Conversion");
        }
        String reference = command.payoutReference() == null ? "" : command.payoutReference().strip();
        if (reference.isEmpty() || reference.codePointCount(0, reference.length()) > 255
                || reference.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid("payoutReference", "must name the payment that paid the payout (1 to 255 "
                    + "characters on one line)");
        }
        requireStatus(EnumSet.of(ConversionStatus.APPROVED), "paid");
        apply(new ConversionPaidEvent(conversionId, recorded.accountId(), recorded.mode(), recorded.offerId(),
                recorded.partnerId(), recorded.payout(), reference, TrackingClock.now()));
        return Conversions.summary(recorded, status, updatedAt);
    }

    @EventSourcingHandler
    void on(ConversionRecordedEvent event) {
        conversionId = event.conversionId();
        recorded = event;
        status = event.status();
        updatedAt = event.recordedAt();
    }

    @EventSourcingHandler
    void on(ConversionApprovedEvent event) {
        status = ConversionStatus.APPROVED;
        updatedAt = event.approvedAt();
    }

    @EventSourcingHandler
    void on(ConversionRejectedEvent event) {
        status = ConversionStatus.REJECTED;
        updatedAt = event.rejectedAt();
    }

    @EventSourcingHandler
    void on(ConversionReversedEvent event) {
        status = ConversionStatus.REVERSED;
        updatedAt = event.reversedAt();
    }

    @EventSourcingHandler
    void on(ConversionPaidEvent event) {
        status = ConversionStatus.PAID;
        updatedAt = event.paidAt();
    }

    private void requireStatus(Set<ConversionStatus> allowed, String becoming) {
        if (!allowed.contains(status)) {
            throw DomainException.conflict("The conversion is " + status.wireName() + ": only "
                    + String.join(" or ", allowed.stream().map(ConversionStatus::wireName).toList())
                    + " conversions can be " + becoming);
        }
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.strip().length() > MAX_REASON_LENGTH) {
            throw DomainException.invalid("reason", "must be at most " + MAX_REASON_LENGTH + " characters");
        }
        return reason.strip();
    }

}
