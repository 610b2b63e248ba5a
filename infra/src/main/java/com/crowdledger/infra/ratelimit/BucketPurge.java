package com.crowdledger.infra.ratelimit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deletes the rate-limit buckets that filled up again (idle keys) every minute, on one node at a time. */
@Configuration(proxyBeanMethods = false)
class BucketPurge {

    @Bean
    RecurringTask<Void> rateLimitBucketPurgeTask(RateLimiter limiter) {
        return Tasks.recurring("rate-limit-bucket-purge", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> limiter.purgeIdleBuckets());
    }
}
