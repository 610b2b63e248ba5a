package com.crowdledger.query.conversion;

import com.crowdledger.queries.conversion.ConversionSummary;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.tracking.ConversionKind;
import com.crowdledger.shared.tracking.ConversionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A conversion as the API lists it; written by {@link ConversionProjection} (JDBC), read through JPA. */
@Entity
@Table(name = "conversions")
class ConversionView {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Column(name = "offer_id")
    private String offerId;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "click_id")
    private String clickId;
    @Column(name = "txn_id")
    private String txnId;
    private String event;
    @Enumerated(EnumType.STRING)
    private ConversionStatus status;
    private BigDecimal amount;
    private BigDecimal payout;
    private String currency;
    @Column(name = "coupon_code")
    private String couponCode;
    private String sub1;
    private String sub2;
    private String sub3;
    private String sub4;
    private String sub5;
    @Column(name = "clicked_at")
    private Instant clickedAt;
    @Column(name = "hold_ends_at")
    private Instant holdEndsAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    private long version;

    protected ConversionView() {
    }

    ConversionSummary summary() {
        return new ConversionSummary(id, offerId, partnerId, clickId, txnId, ConversionKind.fromWire(event), status,
                new Money(amount, currency).amount().toPlainString(),
                new Money(payout, currency).amount().toPlainString(), currency, couponCode, sub1, sub2, sub3, sub4,
                sub5, mode, clickedAt, holdEndsAt, createdAt, updatedAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
