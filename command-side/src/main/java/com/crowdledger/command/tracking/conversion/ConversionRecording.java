package com.crowdledger.command.tracking.conversion;

import com.crowdledger.command.tracking.TrackingClock;
import com.crowdledger.command.tracking.TrackingSettings;
import com.crowdledger.command.tracking.TrackingValues;
import com.crowdledger.command.tracking.click.Clicks;
import com.crowdledger.command.tracking.offer.OfferLookup;
import com.crowdledger.command.tracking.offer.OfferTerms;
import com.crowdledger.events.click.ClickRecordedEvent;
import com.crowdledger.events.conversion.ConversionRecordedEvent;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import com.crowdledger.shared.tracking.ConversionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Records postbacks: the hot path. A new conversion has no aggregate to load, so this handler (no target aggregate,
 * so no aggregate lock either) decides from the click's event and the offer's lookup row, claims the txn_id in the
 * lookup (the unique index settles races), and appends the first event of the conversion's stream itself; the
 * {@link Conversion} aggregate takes over from there. One read of the click, one of the offer, one insert of the
 * claim and one of the event, then the commit.
 */
@Component
class ConversionRecording {
    static final String AGGREGATE_TYPE = "Conversion";

    private final Clicks clicks;
    private final OfferLookup offers;
    private final ConversionLookup conversions;
    private final HoldPeriods holds;
    private final EventStore events;
    private final TrackingSettings settings;

    ConversionRecording(Clicks clicks, OfferLookup offers, ConversionLookup conversions, HoldPeriods holds,
                        EventStore events, TrackingSettings settings) {
        this.clicks = clicks;
        this.offers = offers;
        this.conversions = conversions;
        this.holds = holds;
        this.events = events;
        this.settings = settings;
    }

    @CommandHandler
    RecordedConversion handle(RecordConversionCommand command) {
        ClickRecordedEvent click = clicks.find(command.clickId())
                .filter(found -> command.tenant().owns(found.accountId(), found.mode()))
                .filter(found -> command.offerId() == null || command.offerId().equals(found.offerId()))
                .orElseThrow(() -> DomainException.invalid(ConversionPostback.CLICK_ID, "is not a click of this "
                        + (command.offerId() == null ? "account" : "offer")));
        OfferTerms offer = offers.terms(click.offerId())
                .orElseThrow(() -> new IllegalStateException("The offer of " + click.clickId() + " is not known"));
        String currency = offer.currency();
        if (command.currency() != null && !command.currency().equals(currency)) {
            throw DomainException.invalid(ConversionPostback.CURRENCY, "must be the offer's currency, " + currency);
        }
        Money amount = command.amount() == null ? offer.defaultRevenue()
                : TrackingValues.money(ConversionPostback.AMOUNT, command.amount(), currency);
        Money payout = command.payout() == null ? offer.defaultPayout()
                : TrackingValues.money(ConversionPostback.PAYOUT, command.payout(), currency);
        Instant now = TrackingClock.now();
        if (now.isAfter(click.clickedAt().plus(settings.days(offer.attributionWindowDays())))) {
            // a retry of a postback recorded while the click was young is still a duplicate
            Optional<String> earlier = conversions.seen(offer.offerId(), command.txnId());
            if (earlier.isPresent()) {
                return new RecordedConversion(earlier.get(), null);
            }
            throw new DomainException(ErrorCode.CLICK_EXPIRED, "The click is older than the offer's attribution "
                    + "window of " + offer.attributionWindowDays() + " days",
                    List.of(new FieldIssue(ConversionPostback.CLICK_ID, "was made on " + click.clickedAt())));
        }

        String conversionId = Ids.next(Ids.CONVERSION);
        Instant holdEndsAt = now.plus(settings.days(offer.holdDays()));
        ConversionStatus status = offer.holdDays() == 0 ? ConversionStatus.APPROVED : ConversionStatus.PENDING;
        Optional<String> duplicate = conversions.claim(conversionId, offer.offerId(), command.txnId(), status,
                holdEndsAt);
        if (duplicate.isPresent()) {
            return new RecordedConversion(duplicate.get(), null);
        }
        ConversionRecordedEvent recorded = new ConversionRecordedEvent(conversionId, click.accountId(), click.mode(),
                offer.offerId(), click.partnerId(), click.clickId(), click.clickedAt(), command.txnId(),
                command.kind(), amount, payout, command.couponCode(), click.sub1(), click.sub2(), click.sub3(),
                click.sub4(), click.sub5(), status, holdEndsAt, now);
        events.publish(new GenericDomainEventMessage<>(AGGREGATE_TYPE, conversionId, 0, recorded));
        if (status == ConversionStatus.PENDING) {
            holds.schedule(offer.offerId(), holdEndsAt);
        }
        return new RecordedConversion(conversionId, Conversions.summary(recorded, status, now));
    }
}
