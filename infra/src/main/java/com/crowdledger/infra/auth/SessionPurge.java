package com.crowdledger.infra.auth;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deletes expired dashboard sessions every 10 minutes, on one node of the cluster at a time. */
@Configuration(proxyBeanMethods = false)
class SessionPurge {

    @Bean
    RecurringTask<Void> sessionPurgeTask(DashboardSessions sessions) {
        return Tasks.recurring("dashboard-session-purge", FixedDelay.ofMinutes(10))
                .execute((instance, context) -> sessions.purgeExpired());
    }
}
