package com.crowdledger.command.campaign;

import com.crowdledger.events.campaign.CampaignCancelledEvent;
import com.crowdledger.events.campaign.CampaignChangedEvent;
import com.crowdledger.events.campaign.CampaignCompletedEvent;
import com.crowdledger.events.campaign.CampaignCreatedEvent;
import com.crowdledger.events.campaign.CampaignLaunchedEvent;
import com.crowdledger.events.campaign.CampaignPausedEvent;
import com.crowdledger.events.campaign.CampaignResumedEvent;
import com.crowdledger.events.campaign.CampaignStatus;
import com.crowdledger.events.campaign.TesterJoinedCampaignEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.processing.Subscribing;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The campaign lookup ({@code campaign_lookup}, {@code campaign_lookup_members}), written with each event. */
@Component
@Subscribing
@ProcessingGroup("campaign-lookup")
class JdbcCampaignLookup implements CampaignLookup {
    private final JdbcTemplate jdbc;

    JdbcCampaignLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CampaignCreatedEvent event) {
        jdbc.update("insert into campaign_lookup (campaign_id, account_id, mode, status, reward_amount, currency)"
                        + " values (?, ?, ?, ?, ?, ?)", event.campaignId(), event.accountId(), event.mode().name(),
                CampaignStatus.DRAFT.name(), event.rewardPerBug().amount(), event.rewardPerBug().currency());
    }

    @EventHandler
    void on(CampaignChangedEvent event) {
        jdbc.update("update campaign_lookup set reward_amount = ?, currency = ? where campaign_id = ?",
                event.rewardPerBug().amount(), event.rewardPerBug().currency(), event.campaignId());
    }

    @EventHandler
    void on(CampaignLaunchedEvent event) {
        status(event.campaignId(), CampaignStatus.ACTIVE);
    }

    @EventHandler
    void on(CampaignPausedEvent event) {
        status(event.campaignId(), CampaignStatus.PAUSED);
    }

    @EventHandler
    void on(CampaignResumedEvent event) {
        status(event.campaignId(), CampaignStatus.ACTIVE);
    }

    @EventHandler
    void on(CampaignCompletedEvent event) {
        status(event.campaignId(), CampaignStatus.COMPLETED);
    }

    @EventHandler
    void on(CampaignCancelledEvent event) {
        status(event.campaignId(), CampaignStatus.CANCELLED);
    }

    @EventHandler
    void on(TesterJoinedCampaignEvent event) {
        jdbc.update("insert into campaign_lookup_members (campaign_id, tester_account_id, tester_id) values (?, ?, ?)",
                event.campaignId(), event.testerAccountId(), event.testerId());
    }

    @Override
    public Optional<CampaignFacts> find(String campaignId, String testerAccountId) {
        return jdbc.query("""
                        select c.account_id, c.mode, c.status, c.reward_amount, c.currency, m.tester_id
                        from campaign_lookup c
                        left join campaign_lookup_members m
                               on m.campaign_id = c.campaign_id and m.tester_account_id = ?
                        where c.campaign_id = ?""",
                (row, n) -> new CampaignFacts(row.getString(1), Mode.valueOf(row.getString(2)),
                        CampaignStatus.valueOf(row.getString(3)), new Money(row.getBigDecimal(4), row.getString(5)),
                        row.getString(6)),
                testerAccountId, campaignId).stream().findFirst();
    }

    private void status(String campaignId, CampaignStatus status) {
        jdbc.update("update campaign_lookup set status = ? where campaign_id = ?", status.name(), campaignId);
    }
}
