package com.crowdledger.query.playtest;

import com.crowdledger.events.playtest.PlaytestCancelledEvent;
import com.crowdledger.events.playtest.PlaytestChangedEvent;
import com.crowdledger.events.playtest.PlaytestCompletedEvent;
import com.crowdledger.events.playtest.PlaytestOrderedEvent;
import com.crowdledger.events.playtest.PlaytestStatus;
import com.crowdledger.events.playtest.SlotClaimedEvent;
import com.crowdledger.events.playtest.SlotReservationLapsedEvent;
import com.crowdledger.events.playtest.SlotStatus;
import com.crowdledger.events.playtest.SubmissionAcceptedEvent;
import com.crowdledger.events.playtest.SubmissionReceivedEvent;
import com.crowdledger.events.playtest.SubmissionRejectedEvent;
import com.crowdledger.shared.processing.Subscribing;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projects playtests, their slots and invitations. Subscribing: owners and testers read their changes at once. A
 * playtest's slot counts move with each slot's status, so they always equal its slots' statuses.
 */
@Component
@Subscribing
@ProcessingGroup("playtest-view")
class PlaytestProjection {
    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(PlaytestOrderedEvent event) {
        entityManager.persist(new PlaytestRow(event));
        List<String> slotIds = event.slotIds();
        for (int i = 0; i < slotIds.size(); i++) {
            String key = i < event.keysForTesters().size() ? event.keysForTesters().get(i) : null;
            entityManager.persist(new PlaytestSlotRow(slotIds.get(i), event.playtestId(), event.accountId(),
                    event.mode(), event.gameId(), key, event.payout().minorUnits(), event.payout().currency(),
                    event.orderedAt()));
        }
        event.invitedTesters().forEach(testerId ->
                entityManager.persist(new PlaytestInvitationRow(event.playtestId(), testerId)));
    }

    @EventHandler
    void on(PlaytestChangedEvent event) {
        playtest(event.playtestId()).change(event.title(), event.notesForTesters(), event.changedAt());
    }

    @EventHandler
    void on(PlaytestCompletedEvent event) {
        expire(event.expiredSlotIds(), event.completedAt());
        playtest(event.playtestId()).end(PlaytestStatus.COMPLETED, event.completedAt());
    }

    @EventHandler
    void on(PlaytestCancelledEvent event) {
        expire(event.expiredSlotIds(), event.cancelledAt());
        playtest(event.playtestId()).end(PlaytestStatus.CANCELLED, event.cancelledAt());
    }

    @EventHandler
    void on(SlotClaimedEvent event) {
        move(event.slotId(), event.claimedAt(), slot -> slot.claimed(event.testerId(), event.testerAccountId(),
                event.reservedUntil(), event.claimedAt()));
    }

    @EventHandler
    void on(SlotReservationLapsedEvent event) {
        move(event.slotId(), event.lapsedAt(), slot -> slot.reopened(event.lapsedAt()));
    }

    @EventHandler
    void on(SubmissionReceivedEvent event) {
        move(event.slotId(), event.submittedAt(), slot -> slot.submitted(event.submissionId(), event.videoUrl(),
                event.notes(), event.answers(), event.submittedAt()));
    }

    @EventHandler
    void on(SubmissionAcceptedEvent event) {
        move(event.slotId(), event.acceptedAt(), slot -> slot.reviewed(SlotStatus.ACCEPTED, null, event.acceptedAt()));
    }

    @EventHandler
    void on(SubmissionRejectedEvent event) {
        move(event.slotId(), event.rejectedAt(),
                slot -> slot.reviewed(SlotStatus.REJECTED, event.reason(), event.rejectedAt()));
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from PlaytestInvitationRow").executeUpdate();
        entityManager.createQuery("delete from PlaytestSlotRow").executeUpdate();
        entityManager.createQuery("delete from PlaytestRow").executeUpdate();
    }

    private void expire(List<String> slotIds, Instant at) {
        slotIds.forEach(slotId -> move(slotId, at, slot -> slot.expired(at)));
    }

    /** Changes a slot and moves it between its playtest's counts. */
    private void move(String slotId, Instant at, Consumer<PlaytestSlotRow> change) {
        PlaytestSlotRow slot = entityManager.find(PlaytestSlotRow.class, slotId);
        if (slot == null) {
            throw new IllegalStateException("Slot " + slotId + " is missing from its read model");
        }
        SlotStatus from = slot.status();
        change.accept(slot);
        playtest(slot.playtestId()).slotMoved(from, slot.status(), at);
    }

    private PlaytestRow playtest(String playtestId) {
        PlaytestRow row = entityManager.find(PlaytestRow.class, playtestId);
        if (row == null) {
            throw new IllegalStateException("Playtest " + playtestId + " is missing from its read model");
        }
        return row;
    }
}
