package com.crowdledger.query.webhook;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * {@code crowdledger_webhook_dispatch_lag_events}: how many events the store holds beyond the dispatch's position (0:
 * every stored event is queued for delivery). Reported by the node whose processor holds the dispatch's segment; NaN
 * on the others. How long events wait is Axon's own {@code eventProcessor_latency_seconds{processor="webhook-dispatch"}}.
 */
@Component
class WebhookDispatchLag {
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    WebhookDispatchLag(@Lazy EventProcessingConfiguration processing, @Lazy EventStore eventStore,
                       MeterRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        Gauge.builder("crowdledger.webhook.dispatch.lag", this, WebhookDispatchLag::eventsBehind)
                .baseUnit("events")
                .description("Stored events the webhook dispatch has not processed yet (on the node that runs it)")
                .register(registry);
    }

    double eventsBehind() {
        TrackingEventProcessor processor = processing
                .eventProcessor(WebhookDispatch.PROCESSING_GROUP, TrackingEventProcessor.class).orElse(null);
        if (processor == null || processor.processingStatus().isEmpty()) {
            return Double.NaN;
        }
        TrackingToken headToken = eventStore.createHeadToken();
        OptionalLong head = headToken == null ? OptionalLong.empty() : headToken.position();
        long position = Long.MAX_VALUE;
        for (var status : processor.processingStatus().values()) {
            TrackingToken token = status.getTrackingToken();
            OptionalLong at = token == null ? OptionalLong.of(-1) : token.position();
            position = Math.min(position, at.orElse(-1));
        }
        return head.isPresent() ? Math.max(0, head.getAsLong() - position) : 0;
    }
}
