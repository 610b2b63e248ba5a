package com.crowdledger.command.billing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A top-up whose provider answer was never settled is asked again. The task is scheduled in the transaction that
 * records the payment as started, so it exists exactly when the payment does, and the top-up cancels it once the
 * answer is settled. It therefore runs only when the answer was lost: the node died while the provider answered, or
 * the provider's answer never came (a timeout, a network failure after it took the payment). It asks the provider
 * again with the payment's id as the idempotency key, which returns the same intent and collects nothing twice, and
 * settles what it answers; a {@code processing} answer is then polled as usual ({@link PaymentConfirmations}). A
 * provider that does not answer again fails the task, which the scheduler runs again later.
 */
@Configuration(proxyBeanMethods = false)
class PaymentRecovery {
    static final TaskDescriptor<UnsettledPayment> TASK = TaskDescriptor.of("payment-recovery",
            UnsettledPayment.class);

    /** The task's data, stored as JSON: keep the names. */
    record UnsettledPayment(String billingId, PaymentRequest request) {
    }

    @Bean
    OneTimeTask<UnsettledPayment> paymentRecoveryTask(PaymentProviders providers, CommandGateway commands,
                                                     BillingSettings settings) {
        return Tasks.oneTime(TASK).execute((instance, context) -> {
            UnsettledPayment unsettled = instance.getData();
            PaymentConfirmations.settle(commands, context.getSchedulerClient(), settings, unsettled.billingId(),
                    unsettled.request().idempotencyKey(), providers.current().pay(unsettled.request()), 1);
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
        } catch (TaskInstanceException e) {
            // already running (or gone): it settles a settled payment, which changes nothing
        }
    }
}
