package com.crowdledger.infra.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's wiring beyond its Spring Boot defaults.
 *
 * <p>Events are stored as JSON by Jackson 2 (Axon 4's serializer) with ISO-8601 instants; unknown properties are
 * ignored so that old code can read events written by newer code.
 *
 * <p>Processing groups are subscribing by default: read models and lookups commit in the command's transaction,
 * so a client reads its own writes. Side effects that must not slow a command (the Kafka feed) are tracking
 * processors, declared in application.yml.
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

    @Bean
    ConfigurerModule subscribingByDefault() {
        return configurer -> configurer.eventProcessing().usingSubscribingEventProcessors();
    }
}
