package com.crowdledger.query.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A tester's place in a campaign. */
@Entity
@Table(name = "campaign_members")
@IdClass(CampaignMemberRow.Key.class)
public class CampaignMemberRow {
    @Id
    @Column(name = "campaign_id")
    private String campaignId;
    @Id
    @Column(name = "tester_account_id")
    private String testerAccountId;
    @Column(name = "tester_id")
    private String testerId;
    @Column(name = "joined_at")
    private Instant joinedAt;

    protected CampaignMemberRow() {
    }

    CampaignMemberRow(String campaignId, String testerAccountId, String testerId, Instant joinedAt) {
        this.campaignId = campaignId;
        this.testerAccountId = testerAccountId;
        this.testerId = testerId;
        this.joinedAt = joinedAt;
    }

    public record Key(String campaignId, String testerAccountId) {
    }
}
