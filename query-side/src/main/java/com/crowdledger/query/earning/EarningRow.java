package com.crowdledger.query.earning;

import com.crowdledger.events.earning.EarningSource;
import com.crowdledger.events.earning.EarningStatus;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An earning of a tester, whatever earned it: the source's type and id ({@code bug}: the campaign too), owed by the
 * paying account until paid ({@code paidAt}).
 */
@Entity
@Table(name = "earnings")
public class EarningRow {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Column(name = "tester_account_id")
    private String testerAccountId;
    @Column(name = "source_type")
    private String sourceType;
    @Column(name = "source_id")
    private String sourceId;
    @Column(name = "campaign_id")
    private String campaignId;
    private BigDecimal amount;
    private String currency;
    @Enumerated(EnumType.STRING)
    private EarningStatus status;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "paid_at")
    private Instant paidAt;

    protected EarningRow() {
    }

    EarningRow(String id, String accountId, Mode mode, String testerAccountId, EarningSource source, Money amount,
               EarningStatus status, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.testerAccountId = testerAccountId;
        this.sourceType = source.type();
        this.sourceId = source.id();
        this.campaignId = source.campaignId();
        this.amount = amount.amount();
        this.currency = amount.currency();
        this.status = status;
        this.createdAt = createdAt;
    }

    void paid(Instant at) {
        status = EarningStatus.PAID;
        paidAt = at;
    }

    EarningView view() {
        boolean bug = EarningSource.BUG.equals(sourceType);
        return new EarningView(id, sourceType, sourceId, bug ? sourceId : null, campaignId, amount, currency, status,
                createdAt, paidAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
