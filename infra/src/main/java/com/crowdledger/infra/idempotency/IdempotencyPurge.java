package com.crowdledger.infra.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deletes expired idempotency records every hour, on one node of the cluster at a time. */
@Configuration(proxyBeanMethods = false)
class IdempotencyPurge {

    @Bean
    RecurringTask<Void> idempotencyPurgeTask(Idempotency idempotency) {
        return Tasks.recurring("idempotency-purge", FixedDelay.ofHours(1))
                .execute((instance, context) -> idempotency.purgeExpired());
    }
}
