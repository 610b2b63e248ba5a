package com.crowdledger.query.dashboard;

import com.crowdledger.events.billing.LedgerEntryKind;
import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A movement of credit, signed (credits and refunds add), for the balance and the month's spend. */
@Entity
@Table(name = "dashboard_ledger")
public class DashboardLedgerRow {
    @Id
    @Column(name = "entry_id")
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Enumerated(EnumType.STRING)
    private LedgerEntryKind kind;
    @Column(name = "amount_cents")
    private long amountCents;
    private String currency;
    @Column(name = "created_at")
    private Instant createdAt;

    protected DashboardLedgerRow() {
    }

    DashboardLedgerRow(String id, String accountId, Mode mode, LedgerEntryKind kind, long amountCents,
                       String currency, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.kind = kind;
        this.amountCents = amountCents;
        this.currency = currency;
        this.createdAt = createdAt;
    }
}
