package com.crowdledger.query.analytics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Immutable;

/**
 * One bug as analytics needs it: its cohort (the UTC day it was reported), its status and severity now (to move its
 * cohort's counters), and its time to triage (for the median). Written by SQL in the projection.
 */
@Entity
@Immutable
@Table(name = "analytics_bugs")
public class AnalyticsBugRow {
    @Id
    @Column(name = "bug_id")
    private String bugId;
    @Column(name = "campaign_id")
    private String campaignId;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "reported_on")
    private LocalDate reportedOn;
    private String status;
    private String severity;
    @Column(name = "triage_seconds")
    private Long triageSeconds;

    protected AnalyticsBugRow() {
    }
}
