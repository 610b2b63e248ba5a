package com.crowdledger.command.tracking.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.command.tracking.TrackingSettings;
import com.crowdledger.command.tracking.click.Clicks;
import com.crowdledger.command.tracking.offer.OfferLookup;
import com.crowdledger.command.tracking.offer.OfferTerms;
import com.crowdledger.events.click.ClickRecordedEvent;
import com.crowdledger.events.conversion.ConversionRecordedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import com.crowdledger.shared.tracking.ConversionKind;
import com.crowdledger.shared.tracking.ConversionStatus;
import com.crowdledger.shared.tracking.OfferStatus;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The postback rules of {@link ConversionRecording}, which appends a new conversion's first event without an
 * aggregate: payouts and amounts (the offer's unless the postback gives its own, in the offer's currency only), the
 * attribution window, the hold, and the txn_id dedup (the lookup's claim decides; a duplicate records nothing).
 */
class ConversionRecordingTest {
    private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
    private static final String ACCOUNT_ID = "acct_brand";
    private static final Tenant LIVE = new Tenant(ACCOUNT_ID, EnumSet.of(Mode.LIVE));
    private static final String CLICK_ID = "clk_1";
    private static final Instant CLICKED_AT = NOW.minus(Duration.ofDays(3));

    private final Map<String, ClickRecordedEvent> clicks = new HashMap<>();
    private final Map<String, OfferTerms> offers = new HashMap<>();
    private final Map<String, String> claimedTxnIds = new HashMap<>();
    private final List<String> holdsScheduled = new ArrayList<>();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private ConversionRecording recording;

    @BeforeEach
    void setUp() {
        GenericEventMessage.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        clicks.put(CLICK_ID, click(CLICK_ID, ACCOUNT_ID, Mode.LIVE, "off_1", CLICKED_AT));
        offers.put("off_1", offer("off_1", "USD", 30, 30));
        recording = new ConversionRecording(new FakeClicks(), new FakeOffers(), new FakeConversionLookup(),
                new FakeHolds(), events, new TrackingSettings(Duration.ofDays(1)));
    }

    @AfterEach
    void restoreClock() {
        GenericEventMessage.clock = Clock.systemUTC();
    }

    @Test
    void newConversionTakesTheOffersRevenueAndPayoutAndWaitsForItsHold() {
        RecordedConversion recorded = recording.handle(postback(CLICK_ID, null, null, "order-1", null));

        ConversionRecordedEvent event = onlyEventOf(recorded.id());
        assertThat(event.amount()).isEqualTo(Money.of("40", "USD"));
        assertThat(event.payout()).isEqualTo(Money.of("5", "USD"));
        assertThat(event.status()).isEqualTo(ConversionStatus.PENDING);
        assertThat(event.holdEndsAt()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(event.kind()).isEqualTo(ConversionKind.SALE);
        assertThat(event.partnerId()).isEqualTo("prt_1");
        assertThat(event.sub1()).isEqualTo("fb");
        assertThat(recorded.conversion().status()).isEqualTo(ConversionStatus.PENDING);
        assertThat(holdsScheduled).containsExactly("off_1@" + NOW.plus(Duration.ofDays(30)));
    }

    @Test
    void postbackAmountAndPayoutOverrideTheOffers() {
        RecordedConversion recorded = recording.handle(postback(CLICK_ID, "49.90", "7.5", "order-1", "USD"));

        assertThat(onlyEventOf(recorded.id()).amount()).isEqualTo(Money.of("49.90", "USD"));
        assertThat(onlyEventOf(recorded.id()).payout()).isEqualTo(Money.of("7.50", "USD"));
    }

    @Test
    void offerWithoutHoldApprovesAtOnceAndSchedulesNothing() {
        offers.put("off_1", offer("off_1", "USD", 0, 30));

        RecordedConversion recorded = recording.handle(postback(CLICK_ID, null, null, "order-1", null));

        assertThat(onlyEventOf(recorded.id()).status()).isEqualTo(ConversionStatus.APPROVED);
        assertThat(holdsScheduled).isEmpty();
    }

    @Test
    void txnIdTheOfferHasSeenRecordsNothing() {
        RecordedConversion first = recording.handle(postback(CLICK_ID, null, null, "order-1", null));
        RecordedConversion second = recording.handle(postback(CLICK_ID, "99", null, "order-1", null));

        assertThat(second.conversion()).as("a duplicate").isNull();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(events.readEvents(second.id()).asStream().count()).isEqualTo(1);
        assertThat(holdsScheduled).hasSize(1);
    }

    @Test
    void postbacksWithoutTxnIdAreNeverDuplicates() {
        RecordedConversion first = recording.handle(postback(CLICK_ID, null, null, null, null));
        RecordedConversion second = recording.handle(postback(CLICK_ID, null, null, null, null));

        assertThat(second.conversion()).isNotNull();
        assertThat(second.id()).isNotEqualTo(first.id());
    }

    @Test
    void currencyOtherThanTheOffersIsRefused() {
        refused(postback(CLICK_ID, "10", null, "order-1", "EUR"), ErrorCode.VALIDATION_ERROR, "currency");
    }

    @Test
    void amountsTheCurrencyCannotHoldAreRefused() {
        refused(postback(CLICK_ID, "10.001", null, "order-1", null), ErrorCode.VALIDATION_ERROR, "amount");
        refused(postback(CLICK_ID, null, "-1", "order-1", null), ErrorCode.VALIDATION_ERROR, "payout");
        refused(postback(CLICK_ID, "1e400", null, "order-1", null), ErrorCode.VALIDATION_ERROR, "amount");
    }

    @Test
    void unknownClickOrAnotherTenantsClickIsRefused() {
        clicks.put("clk_other_account", click("clk_other_account", "acct_other", Mode.LIVE, "off_9", CLICKED_AT));
        clicks.put("clk_test_mode", click("clk_test_mode", ACCOUNT_ID, Mode.TEST, "off_1", CLICKED_AT));

        refused(postback("clk_unknown", null, null, "order-1", null), ErrorCode.VALIDATION_ERROR, "click_id");
        refused(postback("clk_other_account", null, null, "order-1", null), ErrorCode.VALIDATION_ERROR, "click_id");
        refused(postback("clk_test_mode", null, null, "order-1", null), ErrorCode.VALIDATION_ERROR, "click_id");
    }

    @Test
    void secretPostbackTakesOnlyItsOffersClicks() {
        clicks.put("clk_2", click("clk_2", ACCOUNT_ID, Mode.LIVE, "off_2", CLICKED_AT));
        offers.put("off_2", offer("off_2", "USD", 30, 30));

        assertThatThrownBy(() -> recording.handle(new RecordConversionCommand(LIVE, "off_1", "clk_2", null, null,
                "order-1", ConversionKind.SALE, null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.details()).extracting(FieldIssue::field)
                        .containsExactly("click_id"));
        assertThat(recording.handle(new RecordConversionCommand(LIVE, "off_2", "clk_2", null, null, "order-1",
                ConversionKind.SALE, null, null)).conversion()).isNotNull();
    }

    @Test
    void clickOlderThanTheAttributionWindowIsExpired() {
        clicks.put(CLICK_ID, click(CLICK_ID, ACCOUNT_ID, Mode.LIVE, "off_1", NOW.minus(Duration.ofDays(30))
                .minusMillis(1)));

        refused(postback(CLICK_ID, null, null, "order-1", null), ErrorCode.CLICK_EXPIRED, "click_id");
    }

    @Test
    void clickOnTheLastInstantOfTheWindowStillCounts() {
        clicks.put(CLICK_ID, click(CLICK_ID, ACCOUNT_ID, Mode.LIVE, "off_1", NOW.minus(Duration.ofDays(30))));

        assertThat(recording.handle(postback(CLICK_ID, null, null, "order-1", null)).conversion()).isNotNull();
    }

    @Test
    void retryOfARecordedPostbackAfterTheWindowIsStillADuplicate() {
        claimedTxnIds.put("off_1|order-1", "conv_recorded_earlier");
        clicks.put(CLICK_ID, click(CLICK_ID, ACCOUNT_ID, Mode.LIVE, "off_1", NOW.minus(Duration.ofDays(31))));

        RecordedConversion retry = recording.handle(postback(CLICK_ID, null, null, "order-1", null));

        assertThat(retry.conversion()).isNull();
        assertThat(retry.id()).isEqualTo("conv_recorded_earlier");
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private void refused(RecordConversionCommand command, ErrorCode code, String field) {
        assertThatThrownBy(() -> recording.handle(command)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.details()).extracting(FieldIssue::field).containsExactly(field);
        });
        assertThat(claimedTxnIds).as("nothing claimed").isEmpty();
        assertThat(holdsScheduled).isEmpty();
    }

    private ConversionRecordedEvent onlyEventOf(String conversionId) {
        List<? extends DomainEventMessage<?>> stream = events.readEvents(conversionId).asStream().toList();
        assertThat(stream).hasSize(1);
        assertThat(stream.get(0).getType()).isEqualTo("Conversion");
        assertThat(stream.get(0).getSequenceNumber()).isZero();
        return (ConversionRecordedEvent) stream.get(0).getPayload();
    }

    private static RecordConversionCommand postback(String clickId, String amount, String payout, String txnId,
                                                    String currency) {
        return new RecordConversionCommand(LIVE, null, clickId, amount == null ? null : new BigDecimal(amount),
                payout == null ? null : new BigDecimal(payout), txnId, ConversionKind.SALE, currency, null);
    }

    private static ClickRecordedEvent click(String id, String accountId, Mode mode, String offerId, Instant at) {
        return new ClickRecordedEvent(id, accountId, mode, offerId, "prt_1", "fb", null, null, null, null, "hmac", null,
                at);
    }

    private static OfferTerms offer(String id, String currency, int holdDays, int windowDays) {
        return new OfferTerms(id, ACCOUNT_ID, Mode.LIVE, OfferStatus.ACTIVE, "https://shop.example/",
                Money.of("40", currency), Money.of("5", currency), holdDays, windowDays, "hash", null, null);
    }

    private final class FakeClicks extends Clicks {
        FakeClicks() {
            super(null);
        }

        @Override
        public Optional<ClickRecordedEvent> find(String clickId) {
            return Optional.ofNullable(clicks.get(clickId));
        }
    }

    private final class FakeOffers extends OfferLookup {
        FakeOffers() {
            super(null, null);
        }

        @Override
        public Optional<OfferTerms> terms(String offerId) {
            return Optional.ofNullable(offers.get(offerId));
        }
    }

    /** The unique (offer, txn_id) index, in memory. */
    private final class FakeConversionLookup extends ConversionLookup {
        FakeConversionLookup() {
            super(null);
        }

        @Override
        Optional<String> claim(String conversionId, String offerId, String txnId, ConversionStatus status,
                               Instant holdEndsAt) {
            if (txnId == null) {
                return Optional.empty();
            }
            String earlier = claimedTxnIds.putIfAbsent(offerId + "|" + txnId, conversionId);
            return Optional.ofNullable(earlier);
        }

        @Override
        Optional<String> seen(String offerId, String txnId) {
            return Optional.ofNullable(claimedTxnIds.get(offerId + "|" + txnId));
        }
    }

    private final class FakeHolds extends HoldPeriods {
        FakeHolds() {
            super(null, null, new TrackingSettings(Duration.ofDays(1)));
        }

        @Override
        void schedule(String offerId, Instant holdEndsAt) {
            holdsScheduled.add(offerId + "@" + holdEndsAt);
        }
    }
}
