package com.crowdledger.command.billing;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.command.snapshot.AggregateSnapshots;
import com.crowdledger.events.billing.CreditChargedEvent;
import com.crowdledger.events.billing.CreditLowEvent;
import com.crowdledger.events.billing.CreditPurchasedEvent;
import com.crowdledger.events.billing.CreditRefundedEvent;
import com.crowdledger.events.billing.LedgerReference;
import com.crowdledger.events.billing.PaymentFailedEvent;
import com.crowdledger.events.billing.PaymentStartedEvent;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An account's credit in one mode (test mode is play money, apart from live credit). Its balance is only ever the
 * sum of its events (credit bought and refunded minus charges and rewards), and it refuses a charge that sum does
 * not cover: commands on it take turns (locked per command on every node), so concurrent orders never take it below
 * zero. Credit is held in one currency per account and mode, the currency of its first successful top-up. Invoice
 * numbers are assigned here, under the same lock, so they run 1, 2, 3... without gaps.
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("2")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class BillingAccount {
    /** A charge that takes the balance below this many minor units (10.00 USD) says the credit is low. */
    static final long LOW_CREDIT_MINOR_UNITS = 1000;

    @AggregateIdentifier
    private String billingId;
    private String accountId;
    private Mode mode;
    private String currency;
    private long balance; // minor units of currency: the sum of the ledger events so far
    private long lastInvoiceNumber;
    /** Every top-up started, by payment id, with what it asked for; those not in {@code settledPayments} wait. */
    private final Map<String, StartedPayment> payments = new HashMap<>();
    private final Set<String> settledPayments = new HashSet<>();
    private final Set<String> references = new HashSet<>();

    BillingAccount() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartPaymentCommand command) {
        Tenant owner = command.owner();
        Mode ownerMode = owner.singleMode();
        if (ownerMode == null || !command.billingId().equals(BillingAccounts.idOf(owner.accountId(), ownerMode))) {
            throw new IllegalArgumentException("A top-up is made with a key, for the key's own account and mode");
        }
        Money amount = command.amount();
        StartedPayment earlier = payments.get(command.paymentId());
        if (earlier != null) {
            // the same top-up again (a retry) changes nothing; another under its id (one Idempotency-Key reused, in a
            // race the controller's look at the read model cannot see) is refused before any provider is asked
            if (!earlier.asks(amount, command.paymentMethod())) {
                throw new DomainException(ErrorCode.IDEMPOTENCY_MISMATCH, "This Idempotency-Key was used for "
                        + "another top-up; use a new key for a new top-up");
            }
            return;
        }
        String held = currency != null ? currency : payments.entrySet().stream()
                .filter(payment -> !settledPayments.contains(payment.getKey()))
                .map(payment -> payment.getValue().amount().currency()).findFirst().orElse(null);
        if (held != null && !held.equals(amount.currency())) {
            throw DomainException.invalid("currency", "this account's credit is held in " + held);
        }
        if (amount.isNegative() || amount.isZero()) {
            throw DomainException.invalid("amountCents", "must be more than 0");
        }
        apply(new PaymentStartedEvent(command.paymentId(), owner.accountId(), ownerMode, amount, command.provider(),
                command.paymentMethod(), now()));
    }

    @CommandHandler
    void handle(SettlePaymentCommand command) {
        StartedPayment started = payments.get(command.paymentId());
        PaymentIntent intent = command.intent();
        if (started == null || settledPayments.contains(command.paymentId())
                || intent.outcome() == PaymentIntent.Outcome.PROCESSING) {
            return; // settled already (a repeated confirmation), or not yet final
        }
        if (intent.outcome() == PaymentIntent.Outcome.FAILED) {
            apply(new PaymentFailedEvent(command.paymentId(), accountId, mode, intent.providerPaymentId(),
                    intent.failureReason() == null ? "The payment failed" : intent.failureReason(), now()));
        } else {
            apply(new CreditPurchasedEvent(command.paymentId(), accountId, mode, Ids.next(Ids.LEDGER_ENTRY),
                    started.amount(), intent.providerPaymentId(), lastInvoiceNumber + 1, now()));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ChargeCreditCommand command) {
        Money amount = requirePositive(command.amount());
        if (references.contains(key(command.reference()))) {
            return; // charged already: nothing is charged twice for one thing
        }
        if (currency == null || !currency.equals(amount.currency()) || balance < amount.minorUnits()) {
            throw new DomainException(ErrorCode.PAYMENT_REQUIRED, "The credit (" + balanceText() + ") does not cover "
                    + amount + "; top up with POST /v1/billing/credit");
        }
        long before = balance;
        Instant now = now();
        apply(new CreditChargedEvent(command.entryId(), command.accountId(), command.mode(), command.kind(), amount,
                command.reference(), now));
        if (before >= LOW_CREDIT_MINOR_UNITS && balance < LOW_CREDIT_MINOR_UNITS) {
            apply(new CreditLowEvent(accountId, mode, Money.ofMinor(balance, currency),
                    Money.ofMinor(LOW_CREDIT_MINOR_UNITS, currency), now));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RefundCreditCommand command) {
        Money amount = requirePositive(command.amount());
        if (references.contains("refund:" + key(command.reference()))) {
            return;
        }
        if (currency == null || !currency.equals(amount.currency())) {
            throw new IllegalStateException("A refund of " + amount + " to credit held in " + currency);
        }
        apply(new CreditRefundedEvent(command.entryId(), command.accountId(), command.mode(), amount,
                command.reference(), now()));
    }

    @EventSourcingHandler
    void on(PaymentStartedEvent event) {
        identify(event.accountId(), event.mode());
        payments.put(event.paymentId(), new StartedPayment(event.amount(), event.paymentMethod()));
    }

    @EventSourcingHandler
    void on(PaymentFailedEvent event) {
        settledPayments.add(event.paymentId());
    }

    @EventSourcingHandler
    void on(CreditPurchasedEvent event) {
        settledPayments.add(event.paymentId());
        currency = event.amount().currency();
        balance += event.amount().minorUnits();
        lastInvoiceNumber = event.invoiceNumber();
    }

    @EventSourcingHandler
    void on(CreditChargedEvent event) {
        identify(event.accountId(), event.mode());
        references.add(key(event.reference()));
        balance -= event.amount().minorUnits();
    }

    @EventSourcingHandler
    void on(CreditRefundedEvent event) {
        identify(event.accountId(), event.mode());
        references.add("refund:" + key(event.reference()));
        balance += event.amount().minorUnits();
    }

    private void identify(String eventAccountId, Mode eventMode) {
        if (billingId == null) {
            billingId = BillingAccounts.idOf(eventAccountId, eventMode);
            accountId = eventAccountId;
            mode = eventMode;
        }
    }

    private String balanceText() {
        return currency == null ? "none" : Money.ofMinor(balance, currency).toString();
    }

    private static Money requirePositive(Money amount) {
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("Charges and refunds are positive amounts");
        }
        return amount;
    }

    private static String key(LedgerReference reference) {
        return reference.type() + ":" + reference.id();
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** What a top-up asked for. */
    record StartedPayment(Money amount, String paymentMethod) {
        boolean asks(Money otherAmount, String otherPaymentMethod) {
            return amount.currency().equals(otherAmount.currency()) && amount.minorUnits() == otherAmount.minorUnits()
                    && paymentMethod.equals(otherPaymentMethod);
        }
    }
}
