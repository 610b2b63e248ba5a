package com.crowdledger.query.campaign;

import com.crowdledger.events.campaign.CampaignStatus;
import com.crowdledger.queries.campaign.CampaignView;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.Platform;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A campaign as its owner lists it, and as testers discover it while it has free places. */
@Entity
@Table(name = "campaigns")
public class CampaignRow {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    private String name;
    @Enumerated(EnumType.STRING)
    private Platform platform;
    @Column(name = "testers_required")
    private int testersRequired;
    @Column(name = "testers_joined")
    private int testersJoined;
    @Column(name = "reward_amount")
    private BigDecimal rewardAmount;
    private String currency;
    private String description;
    @Enumerated(EnumType.STRING)
    private CampaignStatus status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CampaignRow() {
    }

    CampaignRow(String id, String accountId, Mode mode, String name, Platform platform, int testersRequired,
                Money reward, String description, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.testersJoined = 0;
        this.status = CampaignStatus.DRAFT;
        this.createdAt = createdAt;
        change(name, platform, testersRequired, reward, description, createdAt);
    }

    void change(String newName, Platform newPlatform, int newTestersRequired, Money reward, String newDescription,
                Instant at) {
        name = newName;
        platform = newPlatform;
        testersRequired = newTestersRequired;
        rewardAmount = reward.amount();
        currency = reward.currency();
        description = newDescription;
        updatedAt = at;
    }

    void moveTo(CampaignStatus newStatus, Instant at) {
        status = newStatus;
        updatedAt = at;
    }

    void joined(Instant at) {
        testersJoined++;
        updatedAt = at;
    }

    CampaignView view() {
        return new CampaignView(id, name, platform, testersRequired, testersJoined, rewardAmount, currency,
                description, status, createdAt, updatedAt);
    }

    OpenCampaignView openView() {
        return new OpenCampaignView(id, name, platform, description, rewardAmount, currency,
                testersRequired - testersJoined, createdAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
