package com.crowdledger.query.bug;

import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.BugSubmittedEvent;
import com.crowdledger.events.bug.Resolution;
import com.crowdledger.events.bug.Severity;
import com.crowdledger.queries.bug.BugView;
import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bug report: its campaign's owner ({@code accountId}) and its tester ({@code testerAccountId}) both see it. */
@Entity
@Table(name = "bugs")
public class BugRow {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Column(name = "campaign_id")
    private String campaignId;
    @Column(name = "tester_id")
    private String testerId;
    @Column(name = "tester_account_id")
    private String testerAccountId;
    private String title;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private String steps;
    private String expected;
    private String actual;
    private String device;
    @Enumerated(EnumType.STRING)
    private BugStatus status;
    @Enumerated(EnumType.STRING)
    private Resolution resolution;
    @Column(name = "duplicate_of")
    private String duplicateOf;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected BugRow() {
    }

    BugRow(BugSubmittedEvent event) {
        id = event.bugId();
        accountId = event.accountId();
        mode = event.mode();
        campaignId = event.campaignId();
        testerId = event.testerId();
        testerAccountId = event.testerAccountId();
        title = event.title();
        severity = event.severity();
        steps = event.steps();
        expected = event.expected();
        actual = event.actual();
        device = event.device();
        status = BugStatus.NEW;
        createdAt = event.submittedAt();
        updatedAt = event.submittedAt();
    }

    void moveTo(BugStatus newStatus, Instant at) {
        status = newStatus;
        updatedAt = at;
    }

    void reject(Resolution newResolution, String original, Instant at) {
        moveTo(BugStatus.REJECTED, at);
        resolution = newResolution;
        duplicateOf = original;
    }

    BugView view() {
        return new BugView(id, campaignId, testerId, title, severity, steps, expected, actual, device, status,
                resolution, duplicateOf, createdAt, updatedAt);
    }
}
