package com.crowdledger.infra.axon;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.monitoring.MessageMonitor;

/**
 * A tracking processor's metrics, with every meter made once: events handled, failed and ignored
 * ({@code eventProcessor_successCounter_total}, ...{@code failureCounter}, ...{@code ignoredCounter}) and how far it is
 * behind ({@code eventProcessor_latency}, in milliseconds: the newest event it took less the newest it finished), tagged
 * {@code processorName}. Axon's own monitors look their meters up in the registry for every event, with a timer and a
 * sliding-window reservoir besides; with seven tracking processors reading every event, that was a third of their CPU
 * in a profile of the postback benchmark.
 */
final class TrackingProcessorMonitor implements MessageMonitor<EventMessage<?>> {
    private final Counter succeeded;
    private final Counter failed;
    private final Counter ignored;
    private final AtomicLong newestTaken = new AtomicLong(-1);
    private final AtomicLong newestFinished = new AtomicLong(-1);

    TrackingProcessorMonitor(MeterRegistry registry, String processorName) {
        Tags tags = Tags.of("processorName", processorName);
        succeeded = registry.counter("eventProcessor.successCounter", tags);
        failed = registry.counter("eventProcessor.failureCounter", tags);
        ignored = registry.counter("eventProcessor.ignoredCounter", tags);
        Gauge.builder("eventProcessor.latency", this, TrackingProcessorMonitor::latencyMillis).tags(tags)
                .register(registry);
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        long timestamp = message.getTimestamp().toEpochMilli();
        newestTaken.accumulateAndGet(timestamp, Math::max);
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                finished(succeeded);
            }

            @Override
            public void reportFailure(Throwable cause) {
                finished(failed);
            }

            @Override
            public void reportIgnored() {
                finished(ignored);
            }

            private void finished(Counter outcome) {
                outcome.increment();
                newestFinished.accumulateAndGet(timestamp, Math::max);
            }
        };
    }

    private double latencyMillis() {
        long taken = newestTaken.get();
        long finished = newestFinished.get();
        return taken < 0 || finished < 0 ? 0 : taken - finished;
    }
}
