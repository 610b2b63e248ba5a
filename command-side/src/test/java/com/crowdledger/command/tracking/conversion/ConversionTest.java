package com.crowdledger.command.tracking.conversion;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;

import com.crowdledger.events.conversion.ConversionApprovedEvent;
import com.crowdledger.events.conversion.ConversionPaidEvent;
import com.crowdledger.events.conversion.ConversionRecordedEvent;
import com.crowdledger.events.conversion.ConversionRejectedEvent;
import com.crowdledger.events.conversion.ConversionReversedEvent;
import com.crowdledger.queries.conversion.ConversionSummary;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.tracking.ConversionKind;
import com.crowdledger.shared.tracking.ConversionStatus;
import com.crowdledger.shared.web.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lifecycle of a recorded conversion: every allowed move, and every refused one answered 409 naming the status. */
class ConversionTest {
    private static final Instant RECORDED_AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant HOLD_ENDS_AT = RECORDED_AT.plus(Duration.ofDays(30));
    private static final Instant NOW = RECORDED_AT.plus(Duration.ofDays(3));
    private static final String ID = "conv_1";
    private static final String ACCOUNT_ID = "acct_brand";
    private static final Tenant LIVE = new Tenant(ACCOUNT_ID, EnumSet.of(Mode.LIVE));
    private static final Money AMOUNT = Money.of("49.90", "EUR");
    private static final Money PAYOUT = Money.of("5", "EUR");

    private FixtureConfiguration<Conversion> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conversion.class);
    }

    // --- allowed -----------------------------------------------------------------------------------------

    @Test
    void accountCanApprovePendingConversionBeforeItsHoldEnds() {
        pending().when(change(ConversionStatus.APPROVED, null))
                .expectEvents(approvedAt(NOW))
                .expectResultMessagePayloadMatching(status(ConversionStatus.APPROVED));
    }

    @Test
    void canRejectPendingOrApprovedConversion() {
        pending().when(change(ConversionStatus.REJECTED, "  test order  "))
                .expectEvents(rejected("test order"));
        approved().when(change(ConversionStatus.REJECTED, null))
                .expectEvents(rejected(null));
    }

    @Test
    void canReverseApprovedOrPaidConversion() {
        approved().when(change(ConversionStatus.REVERSED, "refund"))
                .expectEvents(reversed("refund"));
        paid().when(change(ConversionStatus.REVERSED, "chargeback"))
                .expectEvents(reversed("chargeback"));
    }

    @Test
    void payoutOfApprovedConversionMakesItPaid() {
        approved().when(new RecordConversionPayoutCommand(ID, Tenant.account(ACCOUNT_ID), " batch-7 "))
                .expectEvents(new ConversionPaidEvent(ID, ACCOUNT_ID, Mode.LIVE, "off_1", "prt_1", PAYOUT, "batch-7",
                        NOW))
                .expectResultMessagePayloadMatching(status(ConversionStatus.PAID));
    }

    @Test
    void holdEndApprovesPendingConversion() {
        fixture.given(recorded(ConversionStatus.PENDING)).andGivenCurrentTime(HOLD_ENDS_AT)
                .when(new ApproveHeldConversionCommand(ID))
                .expectEvents(approvedAt(HOLD_ENDS_AT));
    }

    /** A repeated decision (or an approval after the hold task's) changes nothing and answers the conversion. */
    @Test
    void repeatingTheCurrentStatusChangesNothing() {
        approved().when(change(ConversionStatus.APPROVED, null)).expectSuccessfulHandlerExecution().expectNoEvents();
        rejectedConversion().when(change(ConversionStatus.REJECTED, "again")).expectSuccessfulHandlerExecution()
                .expectNoEvents();
        reversedConversion().when(change(ConversionStatus.REVERSED, null)).expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // --- refused -----------------------------------------------------------------------------------------

    @Test
    void holdEndBeforeItsTimeOrOfAConversionNoLongerPendingChangesNothing() {
        fixture.given(recorded(ConversionStatus.PENDING)).andGivenCurrentTime(HOLD_ENDS_AT.minusMillis(1))
                .when(new ApproveHeldConversionCommand(ID))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        rejectedConversion().andGivenCurrentTime(HOLD_ENDS_AT)
                .when(new ApproveHeldConversionCommand(ID))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        approved().andGivenCurrentTime(HOLD_ENDS_AT)
                .when(new ApproveHeldConversionCommand(ID))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void onlyPendingConversionsCanBeApproved() {
        refused(paid(), ConversionStatus.APPROVED, "The conversion is paid: only pending conversions can be approved");
        refused(rejectedConversion(), ConversionStatus.APPROVED, "The conversion is rejected: only pending "
                + "conversions can be approved");
        refused(reversedConversion(), ConversionStatus.APPROVED, "The conversion is reversed: only pending "
                + "conversions can be approved");
    }

    @Test
    void onlyPendingOrApprovedConversionsCanBeRejected() {
        refused(paid(), ConversionStatus.REJECTED, "The conversion is paid: only pending or approved conversions "
                + "can be rejected");
        refused(reversedConversion(), ConversionStatus.REJECTED, "The conversion is reversed: only pending or "
                + "approved conversions can be rejected");
    }

    @Test
    void onlyApprovedOrPaidConversionsCanBeReversed() {
        refused(pending(), ConversionStatus.REVERSED, "The conversion is pending: only approved or paid conversions "
                + "can be reversed");
        refused(rejectedConversion(), ConversionStatus.REVERSED, "The conversion is rejected: only approved or paid "
                + "conversions can be reversed");
    }

    @Test
    void onlyApprovedConversionsCanBePaid() {
        for (TestExecutor<Conversion> given : List.of(pending(), paid(), rejectedConversion(),
                reversedConversion())) {
            given.when(new RecordConversionPayoutCommand(ID, LIVE, "batch-7"))
                    .expectNoEvents()
                    .expectException(domainError(ErrorCode.CONFLICT));
        }
        pending().when(new RecordConversionPayoutCommand(ID, LIVE, "batch-7"))
                .expectExceptionMessage("The conversion is pending: only approved conversions can be paid");
    }

    @Test
    void payoutNeedsAReferenceOnOneLine() {
        for (String reference : List.of(" ", "batch\n7", "batch\u001b7", "x".repeat(256))) {
            approved().when(new RecordConversionPayoutCommand(ID, LIVE, reference))
                    .expectNoEvents()
                    .expectException(invalidField("payoutReference"));
        }
        approved().when(new RecordConversionPayoutCommand(ID, LIVE, "\uD83D\uDCB8".repeat(255)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theAccountCannotSetPendingOrPaidItself() {
        approved().when(change(ConversionStatus.PAID, null))
                .expectNoEvents().expectException(invalidField("status"));
        approved().when(change(ConversionStatus.PENDING, null))
                .expectNoEvents().expectException(invalidField("status"));
        // not even as a repeat of the current status
        paid().when(change(ConversionStatus.PAID, null))
                .expectNoEvents().expectException(invalidField("status"));
        pending().when(change(ConversionStatus.PENDING, null))
                .expectNoEvents().expectException(invalidField("status"));
    }

    @Test
    void aRepeatedChangeIsCheckedLikeAnyOther() {
        rejectedConversion().when(change(ConversionStatus.REJECTED, "r".repeat(10_000)))
                .expectNoEvents().expectException(invalidField("reason"));
    }

    @Test
    void anotherAccountsOrModesConversionIsNotFound() {
        pending().when(new ChangeConversionStatusCommand(ID, new Tenant("acct_other", EnumSet.of(Mode.LIVE)),
                        ConversionStatus.REJECTED, null))
                .expectNoEvents().expectException(domainError(ErrorCode.NOT_FOUND));
        pending().when(new ChangeConversionStatusCommand(ID, new Tenant(ACCOUNT_ID, EnumSet.of(Mode.TEST)),
                        ConversionStatus.REJECTED, null))
                .expectNoEvents().expectException(domainError(ErrorCode.NOT_FOUND));
        approved().when(new RecordConversionPayoutCommand(ID, new Tenant("acct_other", EnumSet.of(Mode.LIVE)), "b"))
                .expectNoEvents().expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void reasonIsLimited() {
        pending().when(change(ConversionStatus.REJECTED, "x".repeat(Conversion.MAX_REASON_LENGTH + 1)))
                .expectNoEvents().expectException(invalidField("reason"));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private static void refused(TestExecutor<Conversion> given, ConversionStatus target, String message) {
        given.when(change(target, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT))
                .expectExceptionMessage(message);
    }

    private TestExecutor<Conversion> pending() {
        return fixture.given(recorded(ConversionStatus.PENDING)).andGivenCurrentTime(NOW);
    }

    private TestExecutor<Conversion> approved() {
        return fixture.given(recorded(ConversionStatus.PENDING), approvedAt(RECORDED_AT.plusSeconds(60)))
                .andGivenCurrentTime(NOW);
    }

    private TestExecutor<Conversion> paid() {
        return fixture.given(recorded(ConversionStatus.APPROVED), new ConversionPaidEvent(ID, ACCOUNT_ID, Mode.LIVE,
                "off_1", "prt_1", PAYOUT, "batch-1", RECORDED_AT.plusSeconds(60))).andGivenCurrentTime(NOW);
    }

    private TestExecutor<Conversion> rejectedConversion() {
        return fixture.given(recorded(ConversionStatus.PENDING), new ConversionRejectedEvent(ID, ACCOUNT_ID,
                Mode.LIVE, "off_1", "prt_1", "fb", RECORDED_AT, AMOUNT, PAYOUT, null, RECORDED_AT.plusSeconds(60)))
                .andGivenCurrentTime(NOW);
    }

    private TestExecutor<Conversion> reversedConversion() {
        return fixture.given(recorded(ConversionStatus.APPROVED), new ConversionReversedEvent(ID, ACCOUNT_ID,
                Mode.LIVE, "off_1", "prt_1", "fb", RECORDED_AT, AMOUNT, PAYOUT, null, RECORDED_AT.plusSeconds(60)))
                .andGivenCurrentTime(NOW);
    }

    private static ChangeConversionStatusCommand change(ConversionStatus status, String reason) {
        return new ChangeConversionStatusCommand(ID, LIVE, status, reason);
    }

    private static ConversionRecordedEvent recorded(ConversionStatus status) {
        return new ConversionRecordedEvent(ID, ACCOUNT_ID, Mode.LIVE, "off_1", "prt_1", "clk_1",
                RECORDED_AT.minusSeconds(600), "order-1", ConversionKind.SALE, AMOUNT, PAYOUT, null, "fb", null, null,
                null, null, status, status == ConversionStatus.PENDING ? HOLD_ENDS_AT : RECORDED_AT, RECORDED_AT);
    }

    private static ConversionApprovedEvent approvedAt(Instant at) {
        return new ConversionApprovedEvent(ID, ACCOUNT_ID, Mode.LIVE, "off_1", "prt_1", at);
    }

    private static ConversionRejectedEvent rejected(String reason) {
        return new ConversionRejectedEvent(ID, ACCOUNT_ID, Mode.LIVE, "off_1", "prt_1", "fb", RECORDED_AT, AMOUNT,
                PAYOUT, reason, NOW);
    }

    private static ConversionReversedEvent reversed(String reason) {
        return new ConversionReversedEvent(ID, ACCOUNT_ID, Mode.LIVE, "off_1", "prt_1", "fb", RECORDED_AT, AMOUNT,
                PAYOUT, reason, NOW);
    }

    private static Matcher<Object> status(ConversionStatus status) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof ConversionSummary summary
                        && summary.status() == status;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a conversion that is " + status.wireName());
            }
        };
    }
}
