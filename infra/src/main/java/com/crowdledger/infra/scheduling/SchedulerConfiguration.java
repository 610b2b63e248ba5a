package com.crowdledger.infra.scheduling;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerConfigurationSupport;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.event.ExecutionInterceptor;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.stats.StatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerHumanReadableDeadlineDetails;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.scheduling.dbscheduler.DbSchedulerEventScheduler;
import org.axonframework.eventhandling.scheduling.dbscheduler.DbSchedulerHumanReadableEventData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one scheduler of the cluster: db-scheduler on the application's PostgreSQL (table {@code scheduled_tasks}). It
 * runs every {@link Task} bean (recurring purges, a feature's one-time tasks), Axon's deadlines
 * ({@code DeadlineManager}) and Axon's scheduled events ({@code EventScheduler}). db-scheduler's Spring Boot starter
 * supplies the settings ({@code db-scheduler.*}), the Micrometer statistics and the health indicator, and the
 * {@code Scheduler} is built as the starter builds it. Two things differ from the starter's and Axon's defaults:
 * <ul>
 *   <li>Task data is stored as JSON (Jackson), not by Java serialization: readable in psql, no deserialization of
 *       arbitrary classes from the database, and rows survive a class change that keeps field names. Axon's
 *       deadlines and scheduled events are therefore stored in their human-readable form (payload and scope as
 *       Axon's JSON), not the binary form Axon's auto-configuration would pick.</li>
 *   <li>The scheduler is started and stopped by {@link SchedulerLifecycle}, not on creation and destruction of the
 *       bean, so nothing runs before the application is up or after Axon began to shut down.</li>
 * </ul>
 * The starter hands db-scheduler a {@code TransactionAwareDataSourceProxy}: scheduling inside a transaction (a
 * command's, a request's) is part of it, so a deadline set by a command is stored with the command's events or not
 * at all. Axon runs each deadline and scheduled event in a unit of work with its own transaction.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    DbSchedulerCustomizer jsonTaskData() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new JacksonSerializer());
            }
        };
    }

    /** Stopped by {@link SchedulerLifecycle}, hence no destroy method (a second stop would log a warning). */
    @Bean(destroyMethod = "")
    @DependsOnDatabaseInitialization
    Scheduler scheduler(DbSchedulerProperties properties, DbSchedulerCustomizer customizer, StatsRegistry statistics,
                        Clock dbSchedulerClock, DataSource dataSource, List<Task<?>> tasks,
                        ObjectProvider<SchedulerListener> listeners, ObjectProvider<ExecutionInterceptor> interceptors) {
        return DbSchedulerConfigurationSupport.buildScheduler(properties, customizer, statistics, dbSchedulerClock,
                dataSource, tasks, listeners.orderedStream().toList(), interceptors.orderedStream().toList());
    }

    /** Runs Axon deadlines; the qualifier replaces the binary task of Axon's auto-configuration. */
    @Bean
    @Qualifier("deadlineDetailsTask")
    Task<DbSchedulerHumanReadableDeadlineDetails> deadlineDetailsTask(ApplicationContext context) {
        return DbSchedulerDeadlineManager.humanReadableTask(() -> context.getBean(DbSchedulerDeadlineManager.class));
    }

    /** Publishes Axon's scheduled events; the qualifier replaces the binary task of Axon's auto-configuration. */
    @Bean
    @Qualifier("eventDataTask")
    Task<DbSchedulerHumanReadableEventData> eventDataTask(ApplicationContext context) {
        return DbSchedulerEventScheduler.humanReadableTask(() -> context.getBean(DbSchedulerEventScheduler.class));
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
                                               @Qualifier("eventSerializer")
                                               org.axonframework.serialization.Serializer serializer,
                                               TransactionManager transactionManager,
                                               DeadlineManagerSpanFactory spanFactory) {
        return DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .useBinaryPojo(false)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }

    @Bean
    DbSchedulerEventScheduler eventScheduler(Scheduler scheduler,
                                             @Qualifier("eventSerializer")
                                             org.axonframework.serialization.Serializer serializer,
                                             TransactionManager transactionManager, EventBus eventBus) {
        return DbSchedulerEventScheduler.builder()
                .scheduler(scheduler)
                .serializer(serializer)
                .transactionManager(transactionManager)
                .eventBus(eventBus)
                .useBinaryPojo(false)
                .startScheduler(false)
                .stopScheduler(false)
                .build();
    }
}
