package com.crowdledger.infra.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's wiring beyond its Spring Boot defaults.
 *
 * <p>Events are stored as JSON by Jackson 2 (Axon 4's serializer) with ISO-8601 instants; unknown properties are
 * ignored so that old code can read events written by newer code.
 *
 * <p>Each processing group declares its own processor beside its handlers (see {@link ProcessingGroupDeclarations}).
 */
@Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class AxonConfiguration {

    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Axon's processor and bus metrics on the application's registry (so they reach /actuator/prometheus). Declared
     * here because Axon's own auto-configuration orders itself after Boot 3 class names that Boot 4 moved.
     */
    @Bean
    GlobalMetricRegistry axonMetricRegistry(MeterRegistry meterRegistry) {
        return new GlobalMetricRegistry(meterRegistry);
    }

    @Bean
    MetricsConfigurerModule axonMetrics(GlobalMetricRegistry axonMetricRegistry) {
        Map<String, TrackingProcessorMonitor> trackingMonitors = new ConcurrentHashMap<>();
        // a MetricsConfigurerModule, so that Axon's auto-configuration adds none of its own
        return new MetricsConfigurerModule(axonMetricRegistry, true) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        monitor(axonMetricRegistry, trackingMonitors, componentType, componentName));
            }
        };
    }

    /**
     * Axon's event store as its auto-configuration makes it, but with how long a node's tracking processors wait
     * before they look again for events of other nodes ({@code crowdledger.events.fetch-delay}, 200 ms; Axon's
     * default is 1 s). A node's own commits wake them at once; another node's are seen within this delay, which is
     * most of what a notification caused on another node takes to reach a stream (SPEC §7: within 1 s). The cost is
     * one indexed query per delay per idle node, shared by all its tracking processors. The storage engine is
     * declared here too, as Axon's auto-configuration makes it (which steps aside for an event bus), but reading
     * tokens' gaps through the index ({@link GapBoundedEventStorageEngine}).
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager) {
        return new GapBoundedEventStorageEngine.Builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager)
                .build();
    }

    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${crowdledger.events.fetch-delay:200ms}") Duration fetchDelay) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .fetchDelay(fetchDelay.toMillis())
                .build();
    }

    /**
     * The command bus and the event store are monitored by Axon's own monitors (a timer and counters per message
     * type); the command bus without Axon's capacity gauge, which it registered per message type as commands came,
     * racing its own registration (Micrometer's warning of a duplicate gauge) and keeping a sliding-window reservoir
     * per command. Tracking processors by {@link TrackingProcessorMonitor} (one per processor, whoever asks for it),
     * whose meters are made once: each of them reads every event. Subscribing processors not at all: they see every
     * event of every command inside its transaction, and a timer and counters per group and message cost about a third
     * of a click's or a postback's CPU (JFR profile of {@code infra/bench/tracking.sh}); the command's own metrics
     * measure their work. Queries neither: the HTTP metrics of their requests measure them (and Axon's query bus monitor made
     * a capacity gauge per query type and message, warning of duplicates).
     */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> monitor(GlobalMetricRegistry registry,
                                                      Map<String, TrackingProcessorMonitor> trackingMonitors,
                                                      Class<?> componentType, String componentName) {
        if (SubscribingEventProcessor.class.isAssignableFrom(componentType)
                || QueryBus.class.isAssignableFrom(componentType)
                || QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return NoOpMessageMonitor.INSTANCE;
        }
        if (CommandBus.class.isAssignableFrom(componentType)) {
            return (MessageMonitor<Message<?>>) (MessageMonitor<?>) commandBus(registry.getRegistry(), componentName);
        }
        if (TrackingEventProcessor.class.isAssignableFrom(componentType)) {
            return (MessageMonitor<Message<?>>) (MessageMonitor<?>) trackingMonitors.computeIfAbsent(componentName,
                    name -> new TrackingProcessorMonitor(registry.getRegistry(), name));
        }
        return (MessageMonitor<Message<?>>) registry.registerComponentWithDefaultTags(componentType, componentName);
    }

    /** The counters and timer {@code registerCommandBus} makes (same names and payloadType tag), without capacity. */
    private static MessageMonitor<Message<?>> commandBus(MeterRegistry registry, String name) {
        return new MultiMessageMonitor<>(
                MessageCountingMonitor.buildMonitor(name, registry, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION),
                MessageTimerMonitor.buildMonitor(name, registry, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION));
    }
}
