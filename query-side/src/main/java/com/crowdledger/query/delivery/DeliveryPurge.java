package com.crowdledger.query.delivery;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes deliveries completed more than {@code crowdledger.webhooks.retention} ago (30 days), with their attempts,
 * every hour, on one node of the cluster at a time. Pending deliveries are never purged.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryPurge {

    @Bean
    RecurringTask<Void> deliveryPurgeTask(JdbcTemplate jdbc, DeliverySettings settings) {
        return Tasks.recurring("delivery-purge", FixedDelay.ofHours(1))
                .execute((instance, context) -> jdbc.update("delete from deliveries where completed_at < ?",
                        Timestamp.from(Instant.now().minus(settings.retention()))));
    }
}
