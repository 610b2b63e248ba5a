package com.crowdledger.infra.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
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
        // a MetricsConfigurerModule, so that Axon's auto-configuration adds none of its own
        return new MetricsConfigurerModule(axonMetricRegistry, true) {
            @Override
            public void configureModule(Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        monitor(axonMetricRegistry, componentType, componentName));
            }
        };
    }

    /**
     * Every component is monitored (the command bus, the event store, tracking processors' latency and throughput)
     * but subscribing processors: each of them sees every event of every command, in a unit of work of its own, and
     * a timer and counters per group and message cost about a third of a click's or a postback's CPU (JFR profile of
     * {@code infra/bench/tracking.sh}). Their work is measured by the command's own metrics.
     */
    @SuppressWarnings("unchecked")
    private static MessageMonitor<Message<?>> monitor(GlobalMetricRegistry registry, Class<?> componentType,
                                                      String componentName) {
        if (SubscribingEventProcessor.class.isAssignableFrom(componentType)) {
            return NoOpMessageMonitor.INSTANCE;
        }
        return (MessageMonitor<Message<?>>) registry.registerComponentWithDefaultTags(componentType, componentName);
    }
}
