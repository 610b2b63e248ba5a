package com.crowdledger.query.playtest;

import com.crowdledger.events.playtest.PlaytestOrderedEvent;
import com.crowdledger.events.playtest.PlaytestStatus;
import com.crowdledger.events.playtest.PlaytestVisibility;
import com.crowdledger.events.playtest.SlotStatus;
import com.crowdledger.queries.playtest.PlaytestView;
import com.crowdledger.queries.playtest.SlotCounts;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A playtest with the count of its slots in each status. */
@Entity
@Table(name = "playtests")
public class PlaytestRow {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Column(name = "game_id")
    private String gameId;
    private String title;
    @Enumerated(EnumType.STRING)
    private PlaytestVisibility visibility;
    private int quantity;
    @Column(name = "duration_minutes")
    private int durationMinutes;
    @Column(name = "player_count")
    private int playerCount;
    @Column(name = "notes_for_testers")
    private String notesForTesters;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "keys_for_testers")
    private String[] keysForTesters;
    @Column(name = "cost_per_slot_cents")
    private long costPerSlotCents;
    @Column(name = "payout_cents")
    private long payoutCents;
    private String currency;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "invited_testers")
    private String[] invitedTesters;
    @Enumerated(EnumType.STRING)
    private PlaytestStatus status;
    @Column(name = "open_slots")
    private int openSlots;
    @Column(name = "reserved_slots")
    private int reservedSlots;
    @Column(name = "submitted_slots")
    private int submittedSlots;
    @Column(name = "accepted_slots")
    private int acceptedSlots;
    @Column(name = "rejected_slots")
    private int rejectedSlots;
    @Column(name = "expired_slots")
    private int expiredSlots;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PlaytestRow() {
    }

    PlaytestRow(PlaytestOrderedEvent event) {
        id = event.playtestId();
        accountId = event.accountId();
        mode = event.mode();
        gameId = event.gameId();
        title = event.title();
        visibility = event.visibility();
        quantity = event.quantity();
        durationMinutes = event.durationMinutes();
        playerCount = event.playerCount();
        notesForTesters = event.notesForTesters();
        keysForTesters = event.keysForTesters().toArray(String[]::new);
        costPerSlotCents = event.costPerSlot().minorUnits();
        payoutCents = event.payout().minorUnits();
        currency = event.costPerSlot().currency();
        invitedTesters = event.invitedTesters().toArray(String[]::new);
        status = PlaytestStatus.OPEN;
        openSlots = event.quantity();
        createdAt = event.orderedAt();
        updatedAt = event.orderedAt();
    }

    void change(String newTitle, String newNotes, Instant at) {
        title = newTitle;
        notesForTesters = newNotes;
        updatedAt = at;
    }

    void end(PlaytestStatus newStatus, Instant at) {
        status = newStatus;
        updatedAt = at;
    }

    /** A slot of this playtest went from one status to another. */
    void slotMoved(SlotStatus from, SlotStatus to, Instant at) {
        add(from, -1);
        add(to, 1);
        updatedAt = at;
    }

    private void add(SlotStatus slotStatus, int delta) {
        switch (slotStatus) {
            case OPEN -> openSlots += delta;
            case RESERVED -> reservedSlots += delta;
            case SUBMITTED -> submittedSlots += delta;
            case ACCEPTED -> acceptedSlots += delta;
            case REJECTED -> rejectedSlots += delta;
            case EXPIRED -> expiredSlots += delta;
        }
    }

    String id() {
        return id;
    }

    PlaytestView view() {
        return new PlaytestView(id, gameId, title, visibility, quantity, durationMinutes, playerCount, notesForTesters,
                List.of(keysForTesters), costPerSlotCents, payoutCents, currency, List.of(invitedTesters), status,
                new SlotCounts(openSlots, reservedSlots, submittedSlots, acceptedSlots, rejectedSlots, expiredSlots),
                createdAt, updatedAt);
    }

    OpenPlaytestView openView(List<String> openSlotIds) {
        return new OpenPlaytestView(id, gameId, title, visibility, durationMinutes, playerCount, notesForTesters,
                payoutCents, currency, openSlots, openSlotIds, createdAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
