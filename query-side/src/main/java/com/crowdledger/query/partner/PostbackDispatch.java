package com.crowdledger.query.partner;

import com.crowdledger.events.conversion.ConversionApprovedEvent;
import com.crowdledger.events.conversion.ConversionRecordedEvent;
import com.crowdledger.events.conversion.ConversionReversedEvent;
import com.crowdledger.query.batching.UnitOfWorkBatch;
import com.crowdledger.query.delivery.Deliveries;
import com.crowdledger.query.delivery.NewDelivery;
import com.crowdledger.query.eventlog.EventIds;
import com.crowdledger.query.eventlog.EventTypes;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.processing.Tracking;
import com.crowdledger.shared.tracking.ConversionStatus;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Supplier;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Queues a partner postback ({@link PostbackDeliveryKind}) when a conversion is recorded, approved or reversed and
 * its partner had an outbound postback URL when that happened: one delivery per event, in the batch's transaction with
 * the processor's token (a batch that fails is retried whole; queuing an event twice queues it once).
 *
 * <p>Like the webhook dispatch, a processing group of its own, tracking, without a reset handler: it never slows or
 * fails the postback that recorded the conversion, rebuilding read models never sends anything again, and a first
 * start begins at the head of the event store ({@code fromStart = false}) rather than posting back the whole history.
 * The macros of an approval or a reversal are the conversion's, read from its first event in the store (the stream's
 * truth, not a read model that may lag or be rebuilding).
 */
@Component
@Tracking(batchSize = 100, fromStart = false)
@ProcessingGroup(PostbackDispatch.PROCESSING_GROUP)
class PostbackDispatch {
    static final String PROCESSING_GROUP = "postback-dispatch";
    private static final String PARTNERS_OF_BATCH = PostbackDispatch.class.getName() + ".partners";

    private final PartnerViewRepository partners;
    private final EventStore eventStore;
    private final Deliveries deliveries;

    PostbackDispatch(PartnerViewRepository partners, @Lazy EventStore eventStore, Deliveries deliveries) {
        this.partners = partners;
        this.eventStore = eventStore;
        this.deliveries = deliveries;
    }

    @EventHandler
    void on(ConversionRecordedEvent event, EventMessage<?> message) {
        queue(event.accountId(), event.mode(), event.partnerId(), message, () -> event, event.status());
    }

    @EventHandler
    void on(ConversionApprovedEvent event, EventMessage<?> message) {
        queue(event.accountId(), event.mode(), event.partnerId(), message, () -> recorded(event.conversionId()),
                ConversionStatus.APPROVED);
    }

    @EventHandler
    void on(ConversionReversedEvent event, EventMessage<?> message) {
        queue(event.accountId(), event.mode(), event.partnerId(), message, () -> recorded(event.conversionId()),
                ConversionStatus.REVERSED);
    }

    private void queue(String accountId, Mode mode, String partnerId, EventMessage<?> message,
                       Supplier<ConversionRecordedEvent> conversion, ConversionStatus status) {
        Tenant tenant = new Tenant(accountId, EnumSet.of(mode));
        boolean postsBack = UnitOfWorkBatch.readOnce(PARTNERS_OF_BATCH, new PartnerOf(tenant, partnerId),
                        key -> partners.find(key.tenant(), key.partnerId()))
                .filter(partner -> partner.postsBackEventOf(message.getTimestamp())).isPresent();
        if (!postsBack) {
            return;
        }
        deliveries.queue(List.of(new NewDelivery(PostbackDeliveryKind.NAME, partnerId, accountId, mode,
                EventIds.of(message.getIdentifier()), EventTypes.nameOf(message.getPayloadType()),
                PostbackMacros.payload(conversion.get(), status), Instant.now())));
    }

    /** The conversion's first event: what it was recorded with. */
    private ConversionRecordedEvent recorded(String conversionId) {
        DomainEventStream stream = eventStore.readEvents(conversionId, 0);
        if (!stream.hasNext() || !(stream.next().getPayload() instanceof ConversionRecordedEvent recorded)) {
            throw new IllegalStateException("The stream of conversion " + conversionId + " does not start with "
                    + "its recording");
        }
        return recorded;
    }

    /** Which partner, for the one read per batch. */
    private record PartnerOf(Tenant tenant, String partnerId) {
    }
}
