package com.crowdledger.query.billing;

import com.crowdledger.events.billing.CreditChargedEvent;
import com.crowdledger.events.billing.CreditPurchasedEvent;
import com.crowdledger.events.billing.CreditRefundedEvent;
import com.crowdledger.events.billing.LedgerEntryKind;
import com.crowdledger.events.billing.LedgerReference;
import com.crowdledger.events.billing.PaymentFailedEvent;
import com.crowdledger.events.billing.PaymentStartedEvent;
import com.crowdledger.shared.processing.Subscribing;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projects the ledger (one row per credit, charge, refund and reward) and the payments. Subscribing: a balance read
 * right after an order already counts it.
 */
@Component
@Subscribing
@ProcessingGroup("billing-view")
class BillingProjection {
    @PersistenceContext
    private EntityManager entityManager;

    @EventHandler
    void on(PaymentStartedEvent event) {
        entityManager.persist(new PaymentRow(event.paymentId(), event.accountId(), event.mode(),
                event.amount().minorUnits(), event.amount().currency(), event.provider(), event.paymentMethod(),
                event.startedAt()));
    }

    @EventHandler
    void on(PaymentFailedEvent event) {
        payment(event.paymentId()).failed(event.providerPaymentId(), event.reason(), event.failedAt());
    }

    @EventHandler
    void on(CreditPurchasedEvent event) {
        payment(event.paymentId()).succeeded(event.providerPaymentId(), event.invoiceNumber(), event.purchasedAt());
        entityManager.persist(new LedgerEntryRow(event.entryId(), event.accountId(), event.mode(),
                LedgerEntryKind.CREDIT, event.amount(), new LedgerReference(LedgerReference.PAYMENT, event.paymentId()),
                event.purchasedAt()));
    }

    @EventHandler
    void on(CreditChargedEvent event) {
        entityManager.persist(new LedgerEntryRow(event.entryId(), event.accountId(), event.mode(), event.kind(),
                event.amount(), event.reference(), event.chargedAt()));
    }

    @EventHandler
    void on(CreditRefundedEvent event) {
        entityManager.persist(new LedgerEntryRow(event.entryId(), event.accountId(), event.mode(),
                LedgerEntryKind.REFUND, event.amount(), event.reference(), event.refundedAt()));
    }

    @ResetHandler
    void reset() {
        entityManager.createQuery("delete from LedgerEntryRow").executeUpdate();
        entityManager.createQuery("delete from PaymentRow").executeUpdate();
    }

    private PaymentRow payment(String paymentId) {
        PaymentRow row = entityManager.find(PaymentRow.class, paymentId);
        if (row == null) {
            throw new IllegalStateException("Payment " + paymentId + " is missing from its read model");
        }
        return row;
    }
}
