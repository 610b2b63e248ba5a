package com.crowdledger.query.tester;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What one triaged bug counts for in its tester's rating, so that it counts once. */
@Entity
@Table(name = "tester_bugs")
public class TesterBugRow {
    enum Outcome { ACCEPTED, DUPLICATE, REJECTED }

    @Id
    @Column(name = "bug_id")
    private String bugId;
    @Column(name = "tester_id")
    private String testerId;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outcome outcome;

    protected TesterBugRow() {
    }

    TesterBugRow(String bugId, String testerId) {
        this.bugId = bugId;
        this.testerId = testerId;
    }

    /** @return true when the bug had no outcome yet (and now has this one) */
    boolean decide(Outcome decided) {
        if (outcome != null) {
            return false;
        }
        outcome = decided;
        return true;
    }
}
