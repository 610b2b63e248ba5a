package com.crowdledger.infra.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.junit.jupiter.api.Test;

class RoutedByTypeTest {
    private final List<String> calls = new ArrayList<>();

    class Texts {
        @EventHandler
        void on(String text) {
            calls.add("texts:" + text);
        }
    }

    class Numbers {
        @EventHandler
        void on(Integer number) {
            calls.add("numbers:" + number);
        }
    }

    class DomainTexts {
        @EventHandler
        void on(String text, DomainEventMessage<?> message) {
            calls.add("domain:" + text + "@" + message.getSequenceNumber());
        }
    }

    private final RoutedByType routed = new RoutedByType(new MultiEventHandlerInvoker(
            group(new Texts()), group(new Numbers()), group(new DomainTexts())));

    private static SimpleEventHandlerInvoker group(Object handler) {
        return SimpleEventHandlerInvoker.builder().eventHandlers(new AnnotationEventHandlerAdapter(handler)).build();
    }

    @Test
    void eachEventReachesTheGroupsThatHandleItsKindInTheirOrder() throws Exception {
        handle(GenericEventMessage.asEventMessage("a"));
        handle(GenericEventMessage.asEventMessage(1));
        handle(new GenericDomainEventMessage<>("Agg", "agg-1", 3, "b"));
        handle(GenericEventMessage.asEventMessage("c"));
        assertThat(calls).containsExactly("texts:a", "numbers:1", "texts:b", "domain:b@3", "texts:c");
    }

    @Test
    void eachKindIsAskedOnce() throws Exception {
        int[] asked = {0};
        SimpleEventHandlerInvoker texts = group(new Texts());
        RoutedByType counting = new RoutedByType(new MultiEventHandlerInvoker(new EventHandlerInvoker() {
            @Override
            public boolean canHandle(EventMessage<?> event, Segment segment) {
                asked[0]++;
                return texts.canHandle(event, segment);
            }

            @Override
            public void handle(EventMessage<?> event, Segment segment) throws Exception {
                texts.handle(event, segment);
            }
        }));
        for (String text : List.of("a", "b", "c")) {
            EventMessage<?> event = GenericEventMessage.asEventMessage(text);
            assertThat(counting.canHandle(event, Segment.ROOT_SEGMENT)).isTrue();
            counting.handle(event, Segment.ROOT_SEGMENT);
        }
        assertThat(calls).containsExactly("texts:a", "texts:b", "texts:c");
        assertThat(asked[0]).isEqualTo(1);
    }

    @Test
    void anEventNoGroupHandlesIsNotTaken() {
        assertThat(routed.canHandle(GenericEventMessage.asEventMessage(2L), Segment.ROOT_SEGMENT)).isFalse();
        assertThat(routed.canHandle(GenericEventMessage.asEventMessage("x"), Segment.ROOT_SEGMENT)).isTrue();
    }

    private void handle(EventMessage<?> event) throws Exception {
        if (routed.canHandle(event, Segment.ROOT_SEGMENT)) {
            routed.handle(event, Segment.ROOT_SEGMENT);
        }
    }
}
