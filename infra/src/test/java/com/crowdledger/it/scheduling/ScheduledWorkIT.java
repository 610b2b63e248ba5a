package com.crowdledger.it.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crowdledger.it.IntegrationTest;
import com.crowdledger.it.TestInfrastructure;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.scheduling.EventScheduler;
import org.axonframework.eventhandling.scheduling.ScheduleToken;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduler inside the running service: the platform's purges are recurring tasks in {@code scheduled_tasks}
 * (counted on the Prometheus endpoint), an aggregate's deadline is stored there (as JSON) and fires its {@code @DeadlineHandler}, and scheduling is part of
 * the caller's transaction.
 */
class ScheduledWorkIT extends IntegrationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    Scheduler scheduler;
    @Autowired
    EventScheduler events;
    @Autowired
    PlatformTransactionManager transactions;

    record Reminder(String text) {
    }

    @Test
    void platformPurgesRunAsRecurringTasks() {
        List<String> purges = List.of("idempotency-purge", "dashboard-session-purge", "rate-limit-bucket-purge");
        // each runs once at start-up, then after its interval
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select task_name from scheduled_tasks where task_instance = 'recurring' and last_success is not null",
                String.class)).containsAll(purges));
    }

    @Test
    void prometheusCountsExecutionsPerTask() {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                api.get("/actuator/prometheus").key(TestInfrastructure.ADMIN_TOKEN).send().body())
                .containsPattern("dbscheduler_task_completions_total\\{result=\"ok\",task=\"idempotency-purge\"} [1-9]")
                .containsPattern("dbscheduler_task_duration_seconds_count\\{task=\"idempotency-purge\"} [1-9]"));
    }

    @Test
    void deadlineIsStoredAsJsonAndFiresItsHandler() {
        String timerId = "tmr_" + UUID.randomUUID();
        commands.sendAndWait(new TestTimer.Start(timerId, Duration.ofHours(1)));

        Map<String, Object> stored = jdbc.queryForMap("""
                select task_instance, convert_from(task_data, 'UTF8') as data from scheduled_tasks
                where task_name = 'AxonDeadline' and convert_from(task_data, 'UTF8') like ?""", "%" + timerId + "%");
        assertThat((String) stored.get("data")).contains("\"deadlineName\":\"" + TestTimer.EXPIRY + "\"");
        assertThat(expiredEvents(timerId)).isZero();

        // the hour passes
        String instance = (String) stored.get("task_instance");
        assertThat(scheduler.reschedule(TaskInstanceId.of("AxonDeadline", instance), Instant.now())).isTrue();

        await().atMost(PATIENCE).until(() -> expiredEvents(timerId) == 1);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from scheduled_tasks where task_name = 'AxonDeadline' and task_instance = ?",
                Integer.class, instance) == 0);
    }

    @Test
    void schedulingIsPartOfTheCallersTransaction() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        ScheduleToken rolledBack = transaction.execute(status -> {
            ScheduleToken token = events.schedule(Duration.ofHours(1), new Reminder("rolled back"));
            status.setRollbackOnly();
            return token;
        });
        ScheduleToken committed = transaction.execute(
                status -> events.schedule(Duration.ofHours(1), new Reminder("committed")));

        assertThat(isScheduled(rolledBack)).isFalse();
        assertThat(isScheduled(committed)).isTrue();

        events.cancelSchedule(committed);
        assertThat(isScheduled(committed)).isFalse();
    }

    private int expiredEvents(String timerId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type = ?", Integer.class, timerId, TestTimer.Expired.class.getName());
    }

    /** Axon's db-scheduler token is the task instance's id. */
    private boolean isScheduled(ScheduleToken token) {
        return scheduler.getScheduledExecution((TaskInstanceId) token).isPresent();
    }
}
