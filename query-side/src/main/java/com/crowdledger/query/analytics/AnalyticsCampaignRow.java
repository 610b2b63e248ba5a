package com.crowdledger.query.analytics;

import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * A campaign's own figures: whose it is, since when, its places and its currency. Like every table of this read
 * model it is written by SQL in {@link CampaignAnalyticsProjection} (counters move in one statement per event);
 * the mapping names the table for rebuilds. {@link CampaignAnalyticsQueries} reads it within the caller's tenant.
 */
@Entity
@Immutable
@Table(name = "analytics_campaigns")
public class AnalyticsCampaignRow {
    @Id
    @Column(name = "campaign_id")
    private String campaignId;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Column(name = "created_on")
    private LocalDate createdOn;
    @Column(name = "testers_required")
    private int testersRequired;
    @Column(name = "testers_joined")
    private int testersJoined;
    private String currency;

    protected AnalyticsCampaignRow() {
    }
}
