package com.crowdledger.command.tracking.conversion;

import com.crowdledger.command.tracking.conversion.ConversionLookup.Held;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hold task ({@link HoldPeriods}): when a bucket ends, approves the offer's conversions whose hold ended by then,
 * a page at a time, each by its own command (and transaction). It runs at least once: a conversion approved, rejected
 * or reversed meanwhile is no longer pending and is left alone.
 */
@Configuration(proxyBeanMethods = false)
class HoldApprovals {
    static final String TASK_NAME = "conversion-hold";
    static final TaskDescriptor<HoldBucket> TASK = TaskDescriptor.of(TASK_NAME, HoldBucket.class);
    private static final int PAGE = 500;

    /** The task's data, stored as JSON: keep the names. */
    record HoldBucket(String offerId, Instant endsAt) {
    }

    @Bean
    OneTimeTask<HoldBucket> conversionHoldTask(ConversionLookup lookup, CommandGateway commands) {
        return Tasks.oneTime(TASK).execute((instance, context) -> approveDue(instance.getData(), lookup, commands));
    }

    static void approveDue(HoldBucket bucket, ConversionLookup lookup, CommandGateway commands) {
        Held after = Held.FIRST;
        List<Held> due;
        do {
            due = lookup.pendingUntil(bucket.offerId(), bucket.endsAt(), after, PAGE);
            for (Held held : due) {
                commands.sendAndWait(new ApproveHeldConversionCommand(held.conversionId()));
                after = held;
            }
        } while (due.size() == PAGE);
    }
}
