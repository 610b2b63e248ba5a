package com.crowdledger.query.feed;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crowdledger.kafka.*}: the Kafka feed.
 *
 * <ul>
 *   <li>{@code bootstrap-servers} ({@code KAFKA_BOOTSTRAP_SERVERS}): the brokers; the feed is off when this is
 *       unset or blank, and then nothing tries to connect.</li>
 *   <li>{@code topic-prefix}: topics are {@code <prefix>.<event family>}, default {@code crowdledger}.</li>
 *   <li>{@code producer}: further producer settings passed as they are (TLS, SASL, compression...). They cannot
 *       weaken the delivery guarantee: acks, idempotence and the serializers are fixed. Keep
 *       {@code delivery.timeout.ms} (default 30 s) plus {@code max.block.ms} (5 s) under a minute: Axon interrupts an
 *       event processor's batch after 60 s.</li>
 * </ul>
 */
@ConfigurationProperties("crowdledger.kafka")
public record KafkaFeedSettings(String bootstrapServers, String topicPrefix, Map<String, String> producer) {
    public KafkaFeedSettings {
        bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.strip();
        topicPrefix = topicPrefix == null || topicPrefix.isBlank() ? "crowdledger" : topicPrefix.strip();
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }

    public boolean enabled() {
        return !bootstrapServers.isEmpty();
    }
}
