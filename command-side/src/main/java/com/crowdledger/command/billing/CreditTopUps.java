package com.crowdledger.command.billing;

import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A top-up, in three steps: the payment is recorded as started (its own transaction, with its {@link PaymentRecovery}
 * task), the provider is asked (no lock or transaction held while it answers), and its answer settles the payment:
 * credit and the next invoice number, or a failure (402 {@code PAYMENT_FAILED}, nothing credited); a
 * {@code processing} answer is asked about again on the scheduler. The payment's id is the provider's idempotency key.
 * When the answer never comes (the provider call fails, or this node dies before settling), the payment stays
 * {@code pending} and the recovery task asks the provider again later, so money it took is credited.
 */
@Service
class CreditTopUps {
    private static final Logger log = LoggerFactory.getLogger(CreditTopUps.class);

    private final CommandGateway commands;
    private final PaymentProviders providers;
    private final SchedulerClient scheduler;
    private final BillingSettings settings;
    private final TransactionTemplate transactions;

    CreditTopUps(CommandGateway commands, PaymentProviders providers, SchedulerClient scheduler,
                 BillingSettings settings, TransactionTemplate transactions) {
        this.commands = commands;
        this.providers = providers;
        this.scheduler = scheduler;
        this.settings = settings;
        this.transactions = transactions;
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
        PaymentRequest request = new PaymentRequest(paymentId, amount, paymentMethod,
                "Crowdledger credit (" + mode.wireName() + ")");
        transactions.executeWithoutResult(started -> {
            commands.sendAndWait(new StartPaymentCommand(billingId, owner, paymentId, amount, provider.name(),
                    paymentMethod));
            PaymentRecovery.schedule(scheduler, settings,
                    new PaymentRecovery.UnsettledPayment(billingId, provider.name(), request));
        });
        PaymentIntent intent;
        try {
            intent = provider.pay(request);
        } catch (RuntimeException e) {
            // the provider may have taken the payment: it stays pending, and the recovery task asks again
            log.warn("The payment provider gave no answer for {} ({}); it is asked again in {}", paymentId, e,
                    settings.paymentRecoveryAfter());
            return;
        }
        PaymentConfirmations.settle(commands, scheduler, settings, billingId, paymentId, provider.name(), intent, 1);
        PaymentRecovery.cancel(scheduler, paymentId);
        if (intent.outcome() == PaymentIntent.Outcome.FAILED) {
            throw new DomainException(ErrorCode.PAYMENT_FAILED, (intent.failureReason() == null ? "The payment failed"
                    : intent.failureReason()) + "; nothing was credited (payment " + paymentId + ")");
        }
    }
}
