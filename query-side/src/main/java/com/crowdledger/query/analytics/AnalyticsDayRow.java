package com.crowdledger.query.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** What happened in a campaign on one UTC day: reports, acceptances, rewards earned. Written by SQL. */
@Entity
@Immutable
@Table(name = "analytics_days")
@IdClass(AnalyticsDayRow.Key.class)
public class AnalyticsDayRow {
    @Id
    @Column(name = "campaign_id")
    private String campaignId;
    @Id
    private LocalDate day;
    private int reported;
    private int accepted;
    @Column(name = "reward_spend")
    private BigDecimal rewardSpend;

    protected AnalyticsDayRow() {
    }

    public record Key(String campaignId, LocalDate day) {
    }
}
