package com.crowdledger.command.billing;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.instanceOf;

import com.crowdledger.events.billing.CreditChargedEvent;
import com.crowdledger.events.billing.CreditLowEvent;
import com.crowdledger.events.billing.CreditPurchasedEvent;
import com.crowdledger.events.billing.CreditRefundedEvent;
import com.crowdledger.events.billing.LedgerEntryKind;
import com.crowdledger.events.billing.LedgerReference;
import com.crowdledger.events.billing.PaymentFailedEvent;
import com.crowdledger.events.billing.PaymentStartedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.EnumSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BillingAccountTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final String ACCOUNT = "acct_owner";
    private static final String BILLING = BillingAccounts.idOf(ACCOUNT, Mode.LIVE);
    private static final Tenant OWNER = new Tenant(ACCOUNT, EnumSet.of(Mode.LIVE));
    private static final LedgerReference PLAYTEST = new LedgerReference(LedgerReference.PLAYTEST, "pt_1");

    private FixtureConfiguration<BillingAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BillingAccount.class);
    }

    @Test
    void aTopUpStartsPending() {
        fixture.givenCurrentTime(NOW)
                .when(new StartPaymentCommand(BILLING, OWNER, "pay_1", usd(5000), "sandbox", "pm_card_visa"))
                .expectEvents(new PaymentStartedEvent("pay_1", ACCOUNT, Mode.LIVE, usd(5000), "sandbox", "pm_card_visa",
                        NOW));
    }

    @Test
    void aSucceededPaymentIsCreditedWithTheNextInvoiceNumber() {
        fixture.given(started("pay_1", 5000), purchased("pay_1", 5000, 1), started("pay_2", 700))
                .when(new SettlePaymentCommand(BILLING, "pay_2", PaymentIntent.succeeded("sandbox_pay_2")))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        both(instanceOf(CreditPurchasedEvent.class)).and(hasToString(containsString(
                                "invoiceNumber=2,"))), andNoMore())));
    }

    @Test
    void aFailedPaymentCreditsNothing() {
        fixture.givenCurrentTime(NOW).andGiven(started("pay_1", 5000))
                .when(new SettlePaymentCommand(BILLING, "pay_1", PaymentIntent.failed("sandbox_pay_1", "Declined")))
                .expectEvents(new PaymentFailedEvent("pay_1", ACCOUNT, Mode.LIVE, "sandbox_pay_1", "Declined", NOW));
    }

    @Test
    void theSameTopUpAgainStartsNothingMore() {
        fixture.given(started("pay_1", 5000))
                .when(new StartPaymentCommand(BILLING, OWNER, "pay_1", usd(5000), "sandbox", "pm_card_visa"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anotherTopUpUnderAPaymentsIdIsRefusedPendingOrSettled() {
        fixture.given(started("pay_1", 5000))
                .when(new StartPaymentCommand(BILLING, OWNER, "pay_1", usd(1), "sandbox", "pm_card_visa"))
                .expectNoEvents().expectException(domainError(ErrorCode.IDEMPOTENCY_MISMATCH));
        setUp();
        fixture.given(started("pay_1", 5000), purchased("pay_1", 5000, 1))
                .when(new StartPaymentCommand(BILLING, OWNER, "pay_1", usd(5000), "sandbox", "pm_card_mastercard"))
                .expectNoEvents().expectException(domainError(ErrorCode.IDEMPOTENCY_MISMATCH));
    }

    @Test
    void aSettledPaymentIsNotSettledTwice() {
        fixture.given(started("pay_1", 5000), purchased("pay_1", 5000, 1))
                .when(new SettlePaymentCommand(BILLING, "pay_1", PaymentIntent.succeeded("sandbox_pay_1")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aProcessingPaymentWaits() {
        fixture.given(started("pay_1", 5000))
                .when(new SettlePaymentCommand(BILLING, "pay_1", PaymentIntent.processing("sandbox_pay_1")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void creditIsHeldInTheCurrencyOfTheFirstTopUp() {
        fixture.given(started("pay_1", 5000), purchased("pay_1", 5000, 1))
                .when(new StartPaymentCommand(BILLING, OWNER, "pay_2", Money.ofMinor(100, "EUR"), "sandbox",
                        "pm_card_visa"))
                .expectNoEvents().expectException(invalidField("currency"));
    }

    @Test
    void aChargeTheBalanceCoversIsTaken() {
        fixture.givenCurrentTime(NOW).andGiven(started("pay_1", 5000), purchased("pay_1", 5000, 1))
                .when(charge("ent_1", 3000, PLAYTEST))
                .expectEvents(new CreditChargedEvent("ent_1", ACCOUNT, Mode.LIVE, LedgerEntryKind.CHARGE, usd(3000),
                        PLAYTEST, NOW));
    }

    @Test
    void aChargeTheBalanceDoesNotCoverIs402() {
        fixture.given(started("pay_1", 5000), purchased("pay_1", 5000, 1), charged("ent_1", 4500, PLAYTEST))
                .when(charge("ent_2", 501, new LedgerReference(LedgerReference.PLAYTEST, "pt_2")))
                .expectNoEvents().expectException(domainError(ErrorCode.PAYMENT_REQUIRED));
    }

    @Test
    void anAccountWithoutCreditPaysNothing() {
        fixture.givenNoPriorActivity().when(charge("ent_1", 1, PLAYTEST))
                .expectNoEvents().expectException(domainError(ErrorCode.PAYMENT_REQUIRED));
    }

    @Test
    void aChargeInAnotherCurrencyIs402() {
        fixture.given(started("pay_1", 5000), purchased("pay_1", 5000, 1))
                .when(new ChargeCreditCommand(BILLING, ACCOUNT, Mode.LIVE, "ent_1", LedgerEntryKind.REWARD,
                        Money.ofMinor(100, "EUR"), new LedgerReference(LedgerReference.BUG, "bug_1")))
                .expectNoEvents().expectException(domainError(ErrorCode.PAYMENT_REQUIRED));
    }

    @Test
    void theWholeBalanceMayBeSpentAndItSaysTheCreditIsLow() {
        fixture.givenCurrentTime(NOW).andGiven(started("pay_1", 5000), purchased("pay_1", 5000, 1))
                .when(charge("ent_1", 5000, PLAYTEST))
                .expectEvents(new CreditChargedEvent("ent_1", ACCOUNT, Mode.LIVE, LedgerEntryKind.CHARGE, usd(5000),
                                PLAYTEST, NOW),
                        new CreditLowEvent(ACCOUNT, Mode.LIVE, usd(0), usd(1000), NOW));
    }

    @Test
    void oneThingIsChargedOnce() {
        fixture.given(started("pay_1", 5000), purchased("pay_1", 5000, 1), charged("ent_1", 1000, PLAYTEST))
                .when(charge("ent_2", 1000, PLAYTEST))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aRefundComesBack() {
        fixture.givenCurrentTime(NOW)
                .andGiven(started("pay_1", 5000), purchased("pay_1", 5000, 1), charged("ent_1", 3000, PLAYTEST))
                .when(new RefundCreditCommand(BILLING, ACCOUNT, Mode.LIVE, "ent_2", usd(2000), PLAYTEST))
                .expectEvents(new CreditRefundedEvent("ent_2", ACCOUNT, Mode.LIVE, usd(2000), PLAYTEST, NOW));
    }

    @Test
    void aRefundedBalanceCoversNewCharges() {
        fixture.given(started("pay_1", 1000), purchased("pay_1", 1000, 1), charged("ent_1", 1000, PLAYTEST),
                        new CreditRefundedEvent("ent_2", ACCOUNT, Mode.LIVE, usd(400), PLAYTEST, NOW))
                .when(charge("ent_3", 400, new LedgerReference(LedgerReference.SUBMISSION, "sub_1")))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(CreditChargedEvent.class), andNoMore())));
    }

    private static Money usd(long cents) {
        return Money.ofMinor(cents, "USD");
    }

    private static PaymentStartedEvent started(String paymentId, long cents) {
        return new PaymentStartedEvent(paymentId, ACCOUNT, Mode.LIVE, usd(cents), "sandbox", "pm_card_visa", NOW);
    }

    private static CreditPurchasedEvent purchased(String paymentId, long cents, long invoice) {
        return new CreditPurchasedEvent(paymentId, ACCOUNT, Mode.LIVE, "ent_" + paymentId, usd(cents),
                "sandbox_" + paymentId, invoice, NOW);
    }

    private static ChargeCreditCommand charge(String entryId, long cents, LedgerReference reference) {
        return new ChargeCreditCommand(BILLING, ACCOUNT, Mode.LIVE, entryId, LedgerEntryKind.CHARGE, usd(cents),
                reference);
    }

    private static CreditChargedEvent charged(String entryId, long cents, LedgerReference reference) {
        return new CreditChargedEvent(entryId, ACCOUNT, Mode.LIVE, LedgerEntryKind.CHARGE, usd(cents), reference, NOW);
    }
}
