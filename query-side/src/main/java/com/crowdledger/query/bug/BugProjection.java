package com.crowdledger.query.bug;

import com.crowdledger.events.bug.BugAcceptedEvent;
import com.crowdledger.events.bug.BugFixedEvent;
import com.crowdledger.events.bug.BugRejectedEvent;
import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.BugSubmittedEvent;
import com.crowdledger.events.bug.BugTriagedEvent;
import com.crowdledger.events.bug.BugVerifiedEvent;
import com.crowdledger.shared.processing.Subscribing;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects bug reports. Subscribing: a tester reads its report, and an owner its decision, right after. */
@Component
@Subscribing
@ProcessingGroup(BugProjection.PROCESSING_GROUP)
class BugProjection {
    static final String PROCESSING_GROUP = "bug-view";

    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(BugSubmittedEvent event) {
        entityManager.persist(new BugRow(event));
    }

    @EventHandler
    void on(BugTriagedEvent event) {
        bug(event.bugId()).moveTo(BugStatus.TRIAGED, event.triagedAt());
    }

    @EventHandler
    void on(BugAcceptedEvent event) {
        bug(event.bugId()).moveTo(BugStatus.ACCEPTED, event.acceptedAt());
    }

    @EventHandler
    void on(BugRejectedEvent event) {
        bug(event.bugId()).reject(event.resolution(), event.duplicateOf(), event.rejectedAt());
    }

    @EventHandler
    void on(BugFixedEvent event) {
        bug(event.bugId()).moveTo(BugStatus.FIXED, event.fixedAt());
    }

    @EventHandler
    void on(BugVerifiedEvent event) {
        bug(event.bugId()).moveTo(BugStatus.VERIFIED, event.verifiedAt());
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from BugRow").executeUpdate();
    }

    private BugRow bug(String bugId) {
        BugRow row = entityManager.find(BugRow.class, bugId);
        if (row == null) {
            throw new IllegalStateException("Bug " + bugId + " is missing from its read model");
        }
        return row;
    }
}
