package com.crowdledger.query.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The Kafka feed, wired only when {@code crowdledger.kafka.bootstrap-servers} is set (see {@link KafkaFeedEnabled}):
 * otherwise there is no producer and no handler in processing group {@value KafkaFeedPublisher#PROCESSING_GROUP},
 * so Axon starts no processor for it and nothing tries to connect.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(KafkaFeedEnabled.class)
@EnableConfigurationProperties(KafkaFeedSettings.class)
class KafkaFeedConfiguration {
    /**
     * How long a send may take, retries included, before the batch fails and is retried by the processor. With
     * max.block.ms it stays well below the 60 s after which Axon interrupts an event processor's unit of work.
     */
    static final Duration DEFAULT_DELIVERY_TIMEOUT = Duration.ofSeconds(30);

    /** Closed by the publisher, with a bounded wait (a plain close() could wait forever for an absent broker). */
    @Bean(destroyMethod = "")
    Producer<String, byte[]> kafkaFeedProducer(KafkaFeedSettings settings) {
        return new KafkaProducer<>(producerConfig(settings));
    }

    @Bean(destroyMethod = "close")
    KafkaFeedPublisher kafkaFeedPublisher(Producer<String, byte[]> kafkaFeedProducer, KafkaFeedSettings settings,
                                          @Qualifier("defaultAxonObjectMapper") ObjectMapper axonObjectMapper) {
        return new KafkaFeedPublisher(kafkaFeedProducer, new FeedRecords(settings.topicPrefix(), axonObjectMapper),
                acknowledgementTimeout(producerConfig(settings)));
    }

    /** A send fails by itself after delivery.timeout.ms; waiting a little longer never gives up on a live send. */
    static Duration acknowledgementTimeout(Map<String, Object> producerConfig) {
        Object deliveryTimeoutMs = producerConfig.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        return Duration.ofMillis(Long.parseLong(String.valueOf(deliveryTimeoutMs))).plusSeconds(5);
    }

    static Map<String, Object> producerConfig(KafkaFeedSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "crowdledger-feed");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) DEFAULT_DELIVERY_TIMEOUT.toMillis());
        // send() blocks this long at most for metadata or buffer space (the processor's thread, never a command's)
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putAll(settings.producer());
        // fixed: the delivery guarantee and the record format do not depend on extra settings
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }
}
