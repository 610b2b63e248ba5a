package com.crowdledger.query.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An offer's currency, for the rollups of its clicks: {@code report_offers}. */
@Entity
@Table(name = "report_offers")
class ReportOffer {
    @Id
    @Column(name = "offer_id")
    private String offerId;
    private String currency;

    protected ReportOffer() {
    }
}
