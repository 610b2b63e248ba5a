package com.crowdledger.query.offer;

import com.crowdledger.queries.offer.OfferSummary;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.tracking.OfferStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** An offer as the API lists it. Its postback secret is not here: it is shown once, and kept only as a hash. */
@Entity
@Table(name = "offers")
class OfferView {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    private String name;
    private String slug;
    @Column(name = "destination_url")
    private String destinationUrl;
    private String currency;
    @Column(name = "default_revenue")
    private BigDecimal defaultRevenue;
    @Column(name = "default_payout")
    private BigDecimal defaultPayout;
    @Column(name = "hold_days")
    private int holdDays;
    @Column(name = "attribution_window_days")
    private int attributionWindowDays;
    @Enumerated(EnumType.STRING)
    private OfferStatus status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected OfferView() {
    }

    OfferView(String id, String accountId, Mode mode, String slug, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.slug = slug;
        this.createdAt = createdAt;
    }

    void terms(String newName, String newDestinationUrl, Money revenue, Money payout, int newHoldDays,
               int newAttributionWindowDays, OfferStatus newStatus, Instant at) {
        name = newName;
        destinationUrl = newDestinationUrl;
        currency = revenue.currency();
        defaultRevenue = revenue.amount();
        defaultPayout = payout.amount();
        holdDays = newHoldDays;
        attributionWindowDays = newAttributionWindowDays;
        status = newStatus;
        updatedAt = at;
    }

    void touch(Instant at) {
        updatedAt = at;
    }

    OfferSummary summary() {
        return new OfferSummary(id, name, slug, destinationUrl, new Money(defaultRevenue, currency).amount()
                .toPlainString(), new Money(defaultPayout, currency).amount().toPlainString(), currency, holdDays,
                attributionWindowDays, status, mode, createdAt, updatedAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
