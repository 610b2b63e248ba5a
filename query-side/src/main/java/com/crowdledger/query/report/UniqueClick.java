package com.crowdledger.query.report;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** A client address (its HMAC) seen clicking an offer's link of a partner on a day: {@code report_unique_clicks}. */
@Entity
@Table(name = "report_unique_clicks")
class UniqueClick {
    @EmbeddedId
    private Key key;

    protected UniqueClick() {
    }

    @Embeddable
    static class Key implements Serializable {
        private LocalDate day;
        @Column(name = "offer_id")
        private String offerId;
        @Column(name = "partner_id")
        private String partnerId;
        @Column(name = "address_hash")
        private String addressHash;

        protected Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(day, key.day) && Objects.equals(offerId, key.offerId)
                    && Objects.equals(partnerId, key.partnerId) && Objects.equals(addressHash, key.addressHash);
        }

        @Override
        public int hashCode() {
            return Objects.hash(day, offerId, partnerId, addressHash);
        }
    }
}
