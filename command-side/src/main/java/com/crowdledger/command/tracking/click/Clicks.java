package com.crowdledger.command.tracking.click;

import com.crowdledger.events.click.ClickRecordedEvent;
import com.crowdledger.shared.Ids;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.stereotype.Component;

/**
 * A recorded click, read from the event store: its stream's one event is all there is to know about it, so no lookup
 * table is written for it (one insert less on every click).
 */
@Component
public class Clicks {
    private static final int MAX_ID_LENGTH = 64;

    private final EventStorageEngine events;

    public Clicks(EventStorageEngine events) {
        this.events = events;
    }

    /** The click with this id; empty for an unknown id, or one that names something else. */
    public Optional<ClickRecordedEvent> find(String clickId) {
        if (!Ids.hasPrefix(clickId, Ids.CLICK) || clickId.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        return events.readEvents(clickId, 0).asStream().findFirst()
                .map(DomainEventMessage::getPayload)
                .filter(ClickRecordedEvent.class::isInstance)
                .map(ClickRecordedEvent.class::cast);
    }
}
