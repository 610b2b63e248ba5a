package com.crowdledger.infra.axon;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;

/**
 * The handlers of the {@value ProcessingGroupDeclarations#IN_TRANSACTION} processor, one invoker per group, asked which
 * of them handle an event once per kind of event instead of for every event. Axon's own composite asks every group's
 * invoker twice per event (whether the processor handles it at all, then which groups do), and each asks every handler
 * method and its parameters: with thirty groups that was about a tenth of a postback's request thread (JFR profile of
 * {@code infra/bench/tracking.sh}), for events most groups ignore.
 *
 * <p>A kind is the message's class and its payload's class. Whether a group handles an event depends on nothing else
 * as long as no subscribing handler needs a metadata value to match, which {@link ProcessingGroupDeclarations} checks
 * at startup. Replays and segments other than the root one (a subscribing processor has neither) are asked each time.
 */
final class RoutedByType implements EventHandlerInvoker {
    private final EventHandlerInvoker invoker;
    private final List<EventHandlerInvoker> groups;
    private final Map<Kind, List<EventHandlerInvoker>> routes = new ConcurrentHashMap<>();

    private record Kind(Class<?> message, Class<?> payload) {
    }

    RoutedByType(EventHandlerInvoker invoker) {
        this.invoker = invoker;
        this.groups = invoker instanceof MultiEventHandlerInvoker multi ? multi.delegates() : List.of(invoker);
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        if (!routable(event, segment)) {
            return invoker.canHandle(event, segment);
        }
        return !route(event).isEmpty();
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        if (!routable(event, segment)) {
            invoker.handle(event, segment);
            return;
        }
        for (EventHandlerInvoker group : route(event)) {
            group.handle(event, segment);
        }
    }

    private static boolean routable(EventMessage<?> event, Segment segment) {
        return Segment.ROOT_SEGMENT.equals(segment) && !ReplayToken.isReplay(event);
    }

    private List<EventHandlerInvoker> route(EventMessage<?> event) {
        return routes.computeIfAbsent(new Kind(event.getClass(), event.getPayloadType()), kind -> groups.stream()
                .filter(group -> group.canHandle(event, Segment.ROOT_SEGMENT))
                .toList());
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return invoker.canHandleType(payloadType);
    }

    @Override
    public boolean supportsReset() {
        return invoker.supportsReset();
    }

    @Override
    public void performReset() {
        invoker.performReset();
    }

    @Override
    public <R> void performReset(R resetContext) {
        invoker.performReset(resetContext);
    }

    @Override
    public void segmentReleased(Segment segment) {
        invoker.segmentReleased(segment);
    }
}
