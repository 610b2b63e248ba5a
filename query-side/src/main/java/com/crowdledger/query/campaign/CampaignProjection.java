package com.crowdledger.query.campaign;

import com.crowdledger.events.campaign.CampaignCancelledEvent;
import com.crowdledger.events.campaign.CampaignChangedEvent;
import com.crowdledger.events.campaign.CampaignCompletedEvent;
import com.crowdledger.events.campaign.CampaignCreatedEvent;
import com.crowdledger.events.campaign.CampaignLaunchedEvent;
import com.crowdledger.events.campaign.CampaignPausedEvent;
import com.crowdledger.events.campaign.CampaignResumedEvent;
import com.crowdledger.events.campaign.CampaignStatus;
import com.crowdledger.events.campaign.TesterJoinedCampaignEvent;
import com.crowdledger.shared.processing.Subscribing;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Projects campaigns and their members. Subscribing: an owner reads its campaign right after a change. */
@Component
@Subscribing
@ProcessingGroup(CampaignProjection.PROCESSING_GROUP)
class CampaignProjection {
    static final String PROCESSING_GROUP = "campaign-view";

    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(CampaignCreatedEvent event) {
        entityManager.persist(new CampaignRow(event.campaignId(), event.accountId(), event.mode(), event.name(),
                event.platform(), event.testersRequired(), event.rewardPerBug(), event.description(),
                event.createdAt()));
    }

    @EventHandler
    void on(CampaignChangedEvent event) {
        campaign(event.campaignId()).change(event.name(), event.platform(), event.testersRequired(),
                event.rewardPerBug(), event.description(), event.changedAt());
    }

    @EventHandler
    void on(CampaignLaunchedEvent event) {
        campaign(event.campaignId()).moveTo(CampaignStatus.ACTIVE, event.launchedAt());
    }

    @EventHandler
    void on(CampaignPausedEvent event) {
        campaign(event.campaignId()).moveTo(CampaignStatus.PAUSED, event.pausedAt());
    }

    @EventHandler
    void on(CampaignResumedEvent event) {
        campaign(event.campaignId()).moveTo(CampaignStatus.ACTIVE, event.resumedAt());
    }

    @EventHandler
    void on(CampaignCompletedEvent event) {
        campaign(event.campaignId()).moveTo(CampaignStatus.COMPLETED, event.completedAt());
    }

    @EventHandler
    void on(CampaignCancelledEvent event) {
        campaign(event.campaignId()).moveTo(CampaignStatus.CANCELLED, event.cancelledAt());
    }

    @EventHandler
    void on(TesterJoinedCampaignEvent event) {
        Instant at = event.joinedAt();
        entityManager.persist(new CampaignMemberRow(event.campaignId(), event.testerAccountId(), event.testerId(), at));
        campaign(event.campaignId()).joined(at);
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from CampaignMemberRow").executeUpdate();
        entityManager.createQuery("delete from CampaignRow").executeUpdate();
    }

    private CampaignRow campaign(String campaignId) {
        CampaignRow row = entityManager.find(CampaignRow.class, campaignId);
        if (row == null) {
            throw new IllegalStateException("Campaign " + campaignId + " is missing from its read model");
        }
        return row;
    }
}
