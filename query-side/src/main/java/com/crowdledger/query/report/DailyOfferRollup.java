package com.crowdledger.query.report;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One day of one offer, all partners together: a row of {@code report_daily_offer}, the sum of that day's and offer's
 * {@link DailyRollup} rows (written by {@link ReportBatch} through JDBC).
 */
@Entity
@Table(name = "report_daily_offer")
class DailyOfferRollup {
    @EmbeddedId
    private Key key;
    private String currency;
    private long clicks;
    @Column(name = "unique_clicks")
    private long uniqueClicks;
    private long conversions;
    private BigDecimal revenue;
    private BigDecimal payout;

    protected DailyOfferRollup() {
    }

    @Embeddable
    static class Key implements Serializable {
        @Column(name = "account_id")
        private String accountId;
        private String mode;
        private LocalDate day;
        @Column(name = "offer_id")
        private String offerId;

        protected Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(accountId, key.accountId) && Objects.equals(mode, key.mode)
                    && Objects.equals(day, key.day) && Objects.equals(offerId, key.offerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, mode, day, offerId);
        }
    }
}
