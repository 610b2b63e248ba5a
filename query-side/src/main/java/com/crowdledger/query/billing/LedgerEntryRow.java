package com.crowdledger.query.billing;

import com.crowdledger.events.billing.LedgerEntryKind;
import com.crowdledger.events.billing.LedgerReference;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One movement of credit, signed: credits and refunds add, charges and rewards subtract. The balance is the sum of
 * these rows, nothing else.
 */
@Entity
@Table(name = "ledger_entries")
public class LedgerEntryRow {
    @Id
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
    @Column(name = "reference_type")
    private String referenceType;
    @Column(name = "reference_id")
    private String referenceId;
    @Column(name = "created_at")
    private Instant createdAt;

    protected LedgerEntryRow() {
    }

    LedgerEntryRow(String id, String accountId, Mode mode, LedgerEntryKind kind, Money amount,
                   LedgerReference reference, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.kind = kind;
        boolean adds = kind == LedgerEntryKind.CREDIT || kind == LedgerEntryKind.REFUND;
        this.amountCents = adds ? amount.minorUnits() : -amount.minorUnits();
        this.currency = amount.currency();
        this.referenceType = reference.type();
        this.referenceId = reference.id();
        this.createdAt = createdAt;
    }

    LedgerEntryView view() {
        return new LedgerEntryView(id, kind, amountCents, currency, new LedgerReference(referenceType, referenceId),
                createdAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
