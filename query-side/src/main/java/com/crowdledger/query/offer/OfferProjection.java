package com.crowdledger.query.offer;

import com.crowdledger.events.offer.OfferChangedEvent;
import com.crowdledger.events.offer.OfferCreatedEvent;
import com.crowdledger.events.offer.OfferSecretRotatedEvent;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects offers. Subscribing: a created or changed offer is answered, and listed, right away. */
@Component
@Subscribing
@ProcessingGroup(OfferProjection.PROCESSING_GROUP)
class OfferProjection {
    static final String PROCESSING_GROUP = "offer-view";

    private final OfferViewRepository offers;

    OfferProjection(OfferViewRepository offers) {
        this.offers = offers;
    }

    @EventHandler
    void on(OfferCreatedEvent event) {
        OfferView offer = new OfferView(event.offerId(), event.accountId(), event.mode(), event.slug(),
                event.createdAt());
        offer.terms(event.name(), event.destinationUrl(), event.defaultRevenue(), event.defaultPayout(),
                event.holdDays(), event.attributionWindowDays(), event.status(), event.createdAt());
        offers.save(offer);
    }

    @EventHandler
    void on(OfferChangedEvent event) {
        offers.findById(event.offerId()).ifPresent(offer -> offer.terms(event.name(), event.destinationUrl(),
                event.defaultRevenue(), event.defaultPayout(), event.holdDays(), event.attributionWindowDays(),
                event.status(), event.changedAt()));
    }

    @EventHandler
    void on(OfferSecretRotatedEvent event) {
        offers.findById(event.offerId()).ifPresent(offer -> offer.touch(event.rotatedAt()));
    }

    @ResetHandler
    void reset() {
        offers.deleteAllInBatch();
    }
}
