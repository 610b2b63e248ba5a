package com.crowdledger.query.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/** How many bugs reported on one day are in one status and severity now. Written by SQL in the projection. */
@Entity
@Immutable
@Table(name = "analytics_cohorts")
@IdClass(AnalyticsCohortRow.Key.class)
public class AnalyticsCohortRow {
    @Id
    @Column(name = "campaign_id")
    private String campaignId;
    @Id
    @Column(name = "reported_on")
    private LocalDate reportedOn;
    @Id
    private String status;
    @Id
    private String severity;
    private int bugs;

    protected AnalyticsCohortRow() {
    }

    public record Key(String campaignId, LocalDate reportedOn, String status, String severity) {
    }
}
