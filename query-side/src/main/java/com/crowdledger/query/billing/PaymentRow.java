package com.crowdledger.query.billing;

import com.crowdledger.queries.billing.PaymentStatus;
import com.crowdledger.queries.billing.PaymentView;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A top-up and, once it succeeded, its invoice's number. */
@Entity
@Table(name = "payments")
public class PaymentRow {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Column(name = "amount_cents")
    private long amountCents;
    private String currency;
    @Enumerated(EnumType.STRING)
    private PaymentStatus status;
    private String provider;
    @Column(name = "payment_method")
    private String paymentMethod;
    @Column(name = "provider_payment_id")
    private String providerPaymentId;
    @Column(name = "invoice_number")
    private Long invoiceNumber;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PaymentRow() {
    }

    PaymentRow(String id, String accountId, Mode mode, long amountCents, String currency, String provider,
               String paymentMethod, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.amountCents = amountCents;
        this.currency = currency;
        this.status = PaymentStatus.PENDING;
        this.provider = provider;
        this.paymentMethod = paymentMethod;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    void succeeded(String newProviderPaymentId, long number, Instant at) {
        status = PaymentStatus.SUCCEEDED;
        providerPaymentId = newProviderPaymentId;
        invoiceNumber = number;
        updatedAt = at;
    }

    void failed(String newProviderPaymentId, String reason, Instant at) {
        status = PaymentStatus.FAILED;
        providerPaymentId = newProviderPaymentId;
        failureReason = reason;
        updatedAt = at;
    }

    /** {@code INV-000042}; test mode's play money {@code TEST-000042}. */
    String invoiceNumberText() {
        return invoiceNumber == null ? null
                : (mode == Mode.LIVE ? "INV-" : "TEST-") + String.format("%06d", invoiceNumber);
    }

    boolean invoiced() {
        return invoiceNumber != null;
    }

    long amountCents() {
        return amountCents;
    }

    String currency() {
        return currency;
    }

    Mode mode() {
        return mode;
    }

    String id() {
        return id;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    PaymentView view() {
        return new PaymentView(id, amountCents, currency, status, provider, paymentMethod, invoiceNumberText(),
                failureReason, createdAt, updatedAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
