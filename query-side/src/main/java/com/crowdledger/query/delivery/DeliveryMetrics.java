package com.crowdledger.query.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * What deliveries do, on {@code /actuator/prometheus}:
 * <ul>
 *   <li>{@code crowdledger_deliveries_total{kind, outcome}}: attempts by outcome: {@code succeeded}, {@code retrying}
 *       (failed, another attempt is scheduled), {@code failed} (failed, no attempt left), {@code gone} (410),
 *       {@code canceled} (the target was deleted or disabled before the attempt);</li>
 *   <li>{@code crowdledger_delivery_attempt_seconds{kind}}: how long the HTTP request of an attempt took;</li>
 *   <li>{@code crowdledger_delivery_latency_seconds{kind}}: from a delivery being queued (its event) to its
 *       successful attempt, retries included;</li>
 *   <li>{@code crowdledger_delivery_retry_queue}: deliveries that failed and wait for their next attempt (all
 *       nodes, read from PostgreSQL at each scrape).</li>
 * </ul>
 */
@Component
class DeliveryMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Timer> attempts = new ConcurrentHashMap<>();
    private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

    DeliveryMetrics(MeterRegistry registry, DeliveryQueue queue) {
        this.registry = registry;
        Gauge.builder("crowdledger.delivery.retry.queue", queue, DeliveryQueue::retryQueueDepth)
                .description("Deliveries that failed and wait for another attempt")
                .register(registry);
    }

    void outcome(String kind, String outcome) {
        outcomes.computeIfAbsent(kind + "/" + outcome, key -> Counter.builder("crowdledger.deliveries")
                .description("Delivery attempts by outcome")
                .tag("kind", kind).tag("outcome", outcome)
                .register(registry)).increment();
    }

    void attempt(String kind, long millis) {
        attempts.computeIfAbsent(kind, k -> Timer.builder("crowdledger.delivery.attempt")
                .description("How long the HTTP request of a delivery attempt took")
                .tag("kind", k).register(registry)).record(Duration.ofMillis(millis));
    }

    void delivered(String kind, Duration sinceQueued) {
        latencies.computeIfAbsent(kind, k -> Timer.builder("crowdledger.delivery.latency")
                .description("From a delivery being queued to its successful attempt")
                .tag("kind", k).register(registry)).record(sinceQueued);
    }
}
