package com.crowdledger.command.billing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A top-up whose provider answer was never settled is asked again. The task is scheduled in the transaction that
 * records the payment as started, so no payment starts without it, and the top-up cancels it once the answer is
 * settled. It runs when the answer was lost (the node died while the provider answered, or the answer never came: a
 * timeout, a network failure after the provider took the payment), and, harmlessly, when a cancel did not happen. It
 * asks the provider the payment started with again, with the payment's id as the idempotency key, which returns the
 * same intent and collects nothing twice, and settles what it answers (settling a settled payment changes nothing);
 * a {@code processing} answer is then polled as usual ({@link PaymentConfirmations}).
 *
 * <p>A provider that fails again fails the task, which is retried after 5 minutes, then 10, 20... {@value #RETRIES}
 * times, about 21 hours in all: within the day for which providers keep an idempotency key (Stripe: 24 h), after
 * which asking again could collect again. Past that, it is logged as an error for an operator, with the payment.
 */
@Configuration(proxyBeanMethods = false)
class PaymentRecovery {
    private static final Logger log = LoggerFactory.getLogger(PaymentRecovery.class);
    static final TaskDescriptor<UnsettledPayment> TASK = TaskDescriptor.of("payment-recovery",
            UnsettledPayment.class);
    private static final int RETRIES = 8;

    /** The task's data, stored as JSON: keep the names (of {@link PaymentRequest} too). */
    record UnsettledPayment(String billingId, String provider, PaymentRequest request) {
    }

    @Bean
    OneTimeTask<UnsettledPayment> paymentRecoveryTask(PaymentProviders providers, CommandGateway commands,
                                                     BillingSettings settings) {
        return Tasks.oneTime(TASK)
                .onFailure(FailureHandler.<UnsettledPayment>maxRetries(RETRIES)
                        .withBackoff(Duration.ofMinutes(5), 2)
                        .thenRemove(failed -> log.error("Payment {} was never settled: its provider did not answer "
                                + "in {} tries. Ask the provider, then settle it (SettlePaymentCommand)",
                                failed.getExecution().getId(), RETRIES + 1)))
                .execute((instance, context) -> {
                    UnsettledPayment unsettled = instance.getData();
                    PaymentProvider provider = providers.named(unsettled.provider());
                    PaymentConfirmations.settle(commands, context.getSchedulerClient(), settings,
                            unsettled.billingId(), unsettled.request().idempotencyKey(), provider.name(),
                            provider.pay(unsettled.request()), 1);
                });
    }

    /** In the caller's transaction: ask again after {@code payment-recovery-after} unless {@link #cancel}led. */
    static void schedule(SchedulerClient scheduler, BillingSettings settings, UnsettledPayment unsettled) {
        scheduler.scheduleIfNotExists(TASK.instance(unsettled.request().idempotencyKey()).data(unsettled).build(),
                Instant.now().plus(settings.paymentRecoveryAfter()));
    }

    /** The payment's answer is settled: nothing to recover. */
    static void cancel(SchedulerClient scheduler, String paymentId) {
        try {
            scheduler.cancel(TASK.instanceId(paymentId));
        } catch (RuntimeException e) {
            // running, gone, or no database now: a task left behind settles a settled payment, which changes nothing
            log.debug("The recovery of payment {} was not cancelled", paymentId, e);
        }
    }
}
