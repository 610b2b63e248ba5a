package com.crowdledger.query.dashboard;

import com.crowdledger.events.billing.CreditChargedEvent;
import com.crowdledger.events.billing.CreditPurchasedEvent;
import com.crowdledger.events.billing.CreditRefundedEvent;
import com.crowdledger.events.billing.LedgerEntryKind;
import com.crowdledger.events.game.GameCreatedEvent;
import com.crowdledger.events.playtest.PlaytestCancelledEvent;
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
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * The dashboard's own read model: a row per game, playtest, slot (with its status) and ledger entry of each owner,
 * which the stats count and sum. Rows are assigned from events, never counted up, so a replay gives the same numbers.
 */
@Component
@Subscribing
@ProcessingGroup("dashboard-stats")
class DashboardProjection {
    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(GameCreatedEvent event) {
        entityManager.persist(new DashboardGameRow(event.gameId(), event.accountId(), event.mode()));
    }

    @EventHandler
    void on(PlaytestOrderedEvent event) {
        entityManager.persist(new DashboardPlaytestRow(event.playtestId(), event.accountId(), event.mode(),
                PlaytestStatus.OPEN.name()));
        event.slotIds().forEach(slotId -> entityManager.persist(new DashboardSlotRow(slotId, event.accountId(),
                event.mode(), SlotStatus.OPEN.name())));
    }

    @EventHandler
    void on(PlaytestCompletedEvent event) {
        end(event.playtestId(), PlaytestStatus.COMPLETED, event.expiredSlotIds());
    }

    @EventHandler
    void on(PlaytestCancelledEvent event) {
        end(event.playtestId(), PlaytestStatus.CANCELLED, event.expiredSlotIds());
    }

    @EventHandler
    void on(SlotClaimedEvent event) {
        slot(event.slotId(), SlotStatus.RESERVED);
    }

    @EventHandler
    void on(SlotReservationLapsedEvent event) {
        slot(event.slotId(), SlotStatus.OPEN);
    }

    @EventHandler
    void on(SubmissionReceivedEvent event) {
        slot(event.slotId(), SlotStatus.SUBMITTED);
    }

    @EventHandler
    void on(SubmissionAcceptedEvent event) {
        slot(event.slotId(), SlotStatus.ACCEPTED);
    }

    @EventHandler
    void on(SubmissionRejectedEvent event) {
        slot(event.slotId(), SlotStatus.REJECTED);
    }

    @EventHandler
    void on(CreditPurchasedEvent event) {
        entityManager.persist(new DashboardLedgerRow(event.entryId(), event.accountId(), event.mode(),
                LedgerEntryKind.CREDIT, event.amount().minorUnits(), event.amount().currency(), event.purchasedAt()));
    }

    @EventHandler
    void on(CreditChargedEvent event) {
        entityManager.persist(new DashboardLedgerRow(event.entryId(), event.accountId(), event.mode(), event.kind(),
                -event.amount().minorUnits(), event.amount().currency(), event.chargedAt()));
    }

    @EventHandler
    void on(CreditRefundedEvent event) {
        entityManager.persist(new DashboardLedgerRow(event.entryId(), event.accountId(), event.mode(),
                LedgerEntryKind.REFUND, event.amount().minorUnits(), event.amount().currency(), event.refundedAt()));
    }

    @ResetHandler
    void reset() {
        for (String entity : List.of("DashboardGameRow", "DashboardPlaytestRow", "DashboardSlotRow",
                "DashboardLedgerRow")) {
            entityManager.createQuery("delete from " + entity).executeUpdate();
        }
    }

    private void end(String playtestId, PlaytestStatus status, List<String> expiredSlotIds) {
        DashboardPlaytestRow playtest = entityManager.find(DashboardPlaytestRow.class, playtestId);
        if (playtest == null) {
            throw new IllegalStateException("Playtest " + playtestId + " is missing from the dashboard");
        }
        playtest.status(status.name());
        expiredSlotIds.forEach(slotId -> slot(slotId, SlotStatus.EXPIRED));
    }

    private void slot(String slotId, SlotStatus status) {
        DashboardSlotRow slot = entityManager.find(DashboardSlotRow.class, slotId);
        if (slot == null) {
            throw new IllegalStateException("Slot " + slotId + " is missing from the dashboard");
        }
        slot.status(status.name());
    }
}
