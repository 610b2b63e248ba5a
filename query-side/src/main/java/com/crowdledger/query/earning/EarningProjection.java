package com.crowdledger.query.earning;

import com.crowdledger.events.earning.TesterEarningPaidEvent;
import com.crowdledger.events.earning.TesterEarningRecordedEvent;
import com.crowdledger.shared.processing.Subscribing;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects testers' earnings, from every source that records one. */
@Component
@Subscribing
@ProcessingGroup(EarningProjection.PROCESSING_GROUP)
class EarningProjection {
    static final String PROCESSING_GROUP = "earning-view";

    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(TesterEarningRecordedEvent event) {
        entityManager.persist(new EarningRow(event.earningId(), event.accountId(), event.mode(),
                event.testerAccountId(), event.source(), event.amount(), event.status(), event.recordedAt()));
    }

    @EventHandler
    void on(TesterEarningPaidEvent event) {
        EarningRow row = entityManager.find(EarningRow.class, event.earningId());
        if (row == null) {
            throw new IllegalStateException("Earning " + event.earningId() + " is missing from its read model");
        }
        row.paid(event.paidAt());
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from EarningRow").executeUpdate();
    }
}
