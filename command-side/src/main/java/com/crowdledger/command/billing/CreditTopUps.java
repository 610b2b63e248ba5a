package com.crowdledger.command.billing;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/**
 * A top-up, in three steps: the payment is recorded as started (its own transaction), the provider is asked (no
 * lock or transaction held while it answers), and its answer settles the payment: credit and the next invoice
 * number, or a failure (402 {@code PAYMENT_FAILED}, nothing credited); a {@code processing} answer is asked about
 * again on the scheduler. The payment's id is the provider's idempotency key.
 */
@Service
class CreditTopUps {
    private final CommandGateway commands;
    private final PaymentProviders providers;
    private final SchedulerClient scheduler;
    private final BillingSettings settings;

    CreditTopUps(CommandGateway commands, PaymentProviders providers, SchedulerClient scheduler,
                 BillingSettings settings) {
        this.commands = commands;
        this.providers = providers;
        this.scheduler = scheduler;
        this.settings = settings;
    }

    void topUp(Tenant owner, String paymentId, Money amount, String paymentMethod) {
        Mode mode = owner.singleMode();
        if (mode == null) {
            throw new IllegalStateException("Credit is bought with a key, which has one mode");
        }
        PaymentProvider provider = providers.current();
        if (mode == Mode.LIVE && provider instanceof SandboxPaymentProvider && !settings.sandboxInLive()) {
            throw new DomainException(ErrorCode.PAYMENT_FAILED, "Live credit needs a real payment provider: the "
                    + "sandbox takes no live payments (crowdledger.billing.payment-provider); nothing was credited");
        }
        String billingId = BillingAccounts.idOf(owner.accountId(), mode);
        commands.sendAndWait(new StartPaymentCommand(billingId, owner, paymentId, amount, provider.name(),
                paymentMethod));
        PaymentIntent intent = provider.pay(new PaymentRequest(paymentId, amount, paymentMethod,
                "Crowdledger credit (" + mode.wireName() + ")"));
        commands.sendAndWait(new SettlePaymentCommand(billingId, paymentId, intent));
        if (intent.outcome() == PaymentIntent.Outcome.PROCESSING) {
            PaymentConfirmations.askAgain(scheduler, settings,
                    new PaymentConfirmations.PendingPayment(billingId, paymentId, intent.providerPaymentId(), 1));
        }
        if (intent.outcome() == PaymentIntent.Outcome.FAILED) {
            throw new DomainException(ErrorCode.PAYMENT_FAILED, (intent.failureReason() == null ? "The payment failed"
                    : intent.failureReason()) + "; nothing was credited (payment " + paymentId + ")");
        }
    }
}
