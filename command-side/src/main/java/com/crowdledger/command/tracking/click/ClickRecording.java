package com.crowdledger.command.tracking.click;

import com.crowdledger.command.tracking.TrackingClock;
import com.crowdledger.command.tracking.click.ClickTargets.ClickTarget;
import com.crowdledger.events.click.ClickRecordedEvent;
import com.crowdledger.shared.Ids;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Records clicks. A click is born and never changes, so there is no aggregate to load: the handler appends the
 * first (and only) event of the click's stream itself, which the event store writes when the command's transaction
 * commits. Reading it back is {@link Clicks}' job.
 */
@Component
class ClickRecording {
    static final String AGGREGATE_TYPE = "Click";

    private final ClickTargets targets;
    private final EventStore events;

    ClickRecording(ClickTargets targets, EventStore events) {
        this.targets = targets;
        this.events = events;
    }

    /** @return the click, or null when the link names no active offer and partner of the brand in that mode */
    @CommandHandler
    RecordedClick handle(RecordClickCommand command) {
        ClickTarget target = targets.find(command.brand(), command.offerSlug(), command.partnerSlug(), command.mode())
                .orElse(null);
        if (target == null) {
            return null;
        }
        String clickId = Ids.next(Ids.CLICK);
        Instant now = TrackingClock.now();
        events.publish(new GenericDomainEventMessage<>(AGGREGATE_TYPE, clickId, 0, new ClickRecordedEvent(clickId,
                target.accountId(), command.mode(), target.offerId(), target.partnerId(), command.sub1(),
                command.sub2(), command.sub3(), command.sub4(), command.sub5(), command.addressHash(),
                command.userAgent(), now)));
        return new RecordedClick(clickId, target.destinationUrl());
    }
}
