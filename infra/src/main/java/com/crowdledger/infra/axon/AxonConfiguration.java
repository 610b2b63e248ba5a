package com.crowdledger.infra.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
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
        return new MetricsConfigurerModule(axonMetricRegistry, true);
    }
}
