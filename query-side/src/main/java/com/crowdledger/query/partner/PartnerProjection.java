package com.crowdledger.query.partner;

import com.crowdledger.events.partner.PartnerChangedEvent;
import com.crowdledger.events.partner.PartnerCreatedEvent;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects partners. Subscribing: a created or changed partner is answered, and listed, right away. */
@Component
@Subscribing
@ProcessingGroup(PartnerProjection.PROCESSING_GROUP)
class PartnerProjection {
    static final String PROCESSING_GROUP = "partner-view";

    private final PartnerViewRepository partners;

    PartnerProjection(PartnerViewRepository partners) {
        this.partners = partners;
    }

    @EventHandler
    void on(PartnerCreatedEvent event) {
        PartnerView partner = new PartnerView(event.partnerId(), event.accountId(), event.mode(), event.slug(),
                event.createdAt());
        partner.details(event.name(), event.email(), event.status(), event.postbackUrlRef(), event.postbackHost(),
                event.createdAt());
        partners.save(partner);
    }

    @EventHandler
    void on(PartnerChangedEvent event) {
        partners.findById(event.partnerId()).ifPresent(partner -> partner.details(event.name(), event.email(),
                event.status(), event.postbackUrlRef(), event.postbackHost(), event.changedAt()));
    }

    @ResetHandler
    void reset() {
        partners.deleteAllInBatch();
    }
}
