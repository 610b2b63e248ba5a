package com.crowdledger.query.tester;

import com.crowdledger.events.bug.BugAcceptedEvent;
import com.crowdledger.events.bug.BugRejectedEvent;
import com.crowdledger.events.bug.BugTriagedEvent;
import com.crowdledger.events.bug.Resolution;
import com.crowdledger.events.tester.TesterProfileChangedEvent;
import com.crowdledger.events.tester.TesterProfileCreatedEvent;
import com.crowdledger.shared.processing.Subscribing;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projects testers' profiles, and counts what their triaged bugs became: a bug counts once toward triaged, and once
 * as accepted, a duplicate or another rejection.
 */
@Component
@Subscribing
@ProcessingGroup(TesterProjection.PROCESSING_GROUP)
class TesterProjection {
    static final String PROCESSING_GROUP = "tester-view";

    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(TesterProfileCreatedEvent event) {
        entityManager.persist(new TesterProfileRow(event.testerId(), event.accountId(), event.mode(),
                event.createdAt()));
    }

    @EventHandler
    void on(TesterProfileChangedEvent event) {
        profile(event.testerId()).change(event.platforms(), event.devices(), event.country(), event.changedAt());
    }

    @EventHandler
    void on(BugTriagedEvent event) {
        if (entityManager.find(TesterBugRow.class, event.bugId()) == null) {
            entityManager.persist(new TesterBugRow(event.bugId(), event.testerId()));
            profile(event.testerId()).triaged();
        }
    }

    @EventHandler
    void on(BugAcceptedEvent event) {
        if (decide(event.bugId(), TesterBugRow.Outcome.ACCEPTED)) {
            profile(event.testerId()).accepted();
        }
    }

    @EventHandler
    void on(BugRejectedEvent event) {
        boolean duplicate = event.resolution() == Resolution.DUPLICATE;
        if (decide(event.bugId(), duplicate ? TesterBugRow.Outcome.DUPLICATE : TesterBugRow.Outcome.REJECTED)
                && duplicate) {
            profile(event.testerId()).duplicate();
        }
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from TesterBugRow").executeUpdate();
        entityManager.createQuery("delete from TesterProfileRow").executeUpdate();
    }

    private boolean decide(String bugId, TesterBugRow.Outcome outcome) {
        TesterBugRow bug = entityManager.find(TesterBugRow.class, bugId);
        return bug != null && bug.decide(outcome);
    }

    private TesterProfileRow profile(String testerId) {
        TesterProfileRow row = entityManager.find(TesterProfileRow.class, testerId);
        if (row == null) {
            throw new IllegalStateException("Tester profile " + testerId + " is missing from its read model");
        }
        return row;
    }
}
