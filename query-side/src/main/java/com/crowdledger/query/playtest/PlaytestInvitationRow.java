package com.crowdledger.query.playtest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A tester profile a private playtest is offered to (for testers' discovery). */
@Entity
@Table(name = "playtest_invitations")
@IdClass(PlaytestInvitationRow.Key.class)
public class PlaytestInvitationRow {
    @Id
    @Column(name = "playtest_id")
    private String playtestId;
    @Id
    @Column(name = "tester_id")
    private String testerId;

    record Key(String playtestId, String testerId) implements Serializable {
    }

    protected PlaytestInvitationRow() {
    }

    PlaytestInvitationRow(String playtestId, String testerId) {
        this.playtestId = playtestId;
        this.testerId = testerId;
    }
}
