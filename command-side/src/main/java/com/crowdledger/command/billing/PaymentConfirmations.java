package com.crowdledger.command.billing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Payments the provider left {@code processing} are asked about again on the cluster's scheduler, every
 * {@code payment-poll-interval}, until they are final (for a day at most). At least once: settling a settled payment
 * changes nothing. A provider that sends events (webhooks) settles the same way, with {@link SettlePaymentCommand}.
 */
@Configuration(proxyBeanMethods = false)
class PaymentConfirmations {
    static final TaskDescriptor<PendingPayment> TASK = TaskDescriptor.of("payment-confirmation", PendingPayment.class);
    private static final int MAX_ATTEMPTS = 2880;

    /**
     * The task's data, stored as JSON: keep the names. {@code provider}: the one the payment started with (null in
     * tasks stored before it was kept: the provider in use).
     */
    record PendingPayment(String billingId, String paymentId, String providerPaymentId, int attempt,
                          String provider) {
    }

    @Bean
    OneTimeTask<PendingPayment> paymentConfirmationTask(PaymentProviders providers, CommandGateway commands,
                                                       BillingSettings settings) {
        return Tasks.oneTime(TASK).execute((instance, context) -> {
            PendingPayment pending = instance.getData();
            PaymentProvider provider = providers.named(pending.provider());
            settle(commands, context.getSchedulerClient(), settings, pending.billingId(), pending.paymentId(),
                    provider.name(), provider.fetch(pending.providerPaymentId()), pending.attempt() + 1);
        });
    }

    /**
     * Settles a provider's answer about a payment; one still processing is asked about again later, for the
     * {@code attempt}th time (not past the day's worth).
     */
    static void settle(CommandGateway commands, SchedulerClient scheduler, BillingSettings settings, String billingId,
                       String paymentId, String provider, PaymentIntent intent, int attempt) {
        commands.sendAndWait(new SettlePaymentCommand(billingId, paymentId, intent));
        if (intent.outcome() == PaymentIntent.Outcome.PROCESSING && attempt <= MAX_ATTEMPTS) {
            askAgain(scheduler, settings, new PendingPayment(billingId, paymentId, intent.providerPaymentId(),
                    attempt, provider));
        }
    }

    private static void askAgain(SchedulerClient scheduler, BillingSettings settings, PendingPayment pending) {
        scheduler.scheduleIfNotExists(TASK.instance(pending.paymentId() + "-" + pending.attempt()).data(pending)
                .build(), Instant.now().plus(settings.paymentPollInterval()));
    }
}
