package com.crowdledger.query.playtest;

import com.crowdledger.events.playtest.SlotStatus;
import com.crowdledger.queries.playtest.PlaytestSubmissionView;
import com.crowdledger.queries.playtest.SlotView;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;

/** A slot of a playtest: who holds it, its key, and its submission with the owner's review. */
@Entity
@Table(name = "playtest_slots")
public class PlaytestSlotRow {
    @Id
    private String id;
    @Column(name = "playtest_id")
    private String playtestId;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Column(name = "game_id")
    private String gameId;
    @Enumerated(EnumType.STRING)
    private SlotStatus status;
    @Column(name = "tester_id")
    private String testerId;
    @Column(name = "tester_account_id")
    private String testerAccountId;
    @Column(name = "reserved_until")
    private Instant reservedUntil;
    @Column(name = "slot_key")
    private String key;
    @Column(name = "payout_cents")
    private long payoutCents;
    private String currency;
    @Column(name = "submission_id")
    private String submissionId;
    @Column(name = "video_url")
    private String videoUrl;
    private String notes;
    @Convert(converter = AnswersColumn.class)
    private Map<String, String> answers;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "rejection_reason")
    private String rejectionReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PlaytestSlotRow() {
    }

    PlaytestSlotRow(String id, String playtestId, String accountId, Mode mode, String gameId, String key,
                    long payoutCents, String currency, Instant createdAt) {
        this.id = id;
        this.playtestId = playtestId;
        this.accountId = accountId;
        this.mode = mode;
        this.gameId = gameId;
        this.status = SlotStatus.OPEN;
        this.key = key;
        this.payoutCents = payoutCents;
        this.currency = currency;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    SlotStatus status() {
        return status;
    }

    String playtestId() {
        return playtestId;
    }

    void claimed(String newTesterId, String newTesterAccountId, Instant until, Instant at) {
        status = SlotStatus.RESERVED;
        testerId = newTesterId;
        testerAccountId = newTesterAccountId;
        reservedUntil = until;
        updatedAt = at;
    }

    void reopened(Instant at) {
        status = SlotStatus.OPEN;
        testerId = null;
        testerAccountId = null;
        reservedUntil = null;
        updatedAt = at;
    }

    void submitted(String newSubmissionId, String newVideoUrl, String newNotes, Map<String, String> newAnswers,
                   Instant at) {
        status = SlotStatus.SUBMITTED;
        submissionId = newSubmissionId;
        videoUrl = newVideoUrl;
        notes = newNotes;
        answers = Map.copyOf(newAnswers);
        submittedAt = at;
        updatedAt = at;
    }

    void reviewed(SlotStatus verdict, String reason, Instant at) {
        status = verdict;
        rejectionReason = reason;
        reviewedAt = at;
        updatedAt = at;
    }

    void expired(Instant at) {
        status = SlotStatus.EXPIRED;
        updatedAt = at;
    }

    /** The owner sees everything but the key; the tester holding the slot sees its key too. */
    SlotView view(boolean holder) {
        PlaytestSubmissionView submission = submissionId == null ? null : new PlaytestSubmissionView(submissionId,
                videoUrl, notes, answers, submittedAt, reviewedAt, rejectionReason);
        return new SlotView(id, playtestId, gameId, status, testerId, reservedUntil, holder ? key : null, payoutCents,
                currency, submission, updatedAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
