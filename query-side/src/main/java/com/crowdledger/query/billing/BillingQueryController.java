package com.crowdledger.query.billing;

import com.crowdledger.queries.billing.FindPaymentQuery;
import com.crowdledger.queries.billing.PaymentView;
import com.crowdledger.query.account.AccountView;
import com.crowdledger.query.account.AccountViewRepository;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's money in the mode of the key: balance, ledger, payments and their invoices, read with {@code billing}
 * (SPEC §2: the read-only scope of finance tools). The balance is {@code game_owner}'s too: its dashboard stats show
 * it, and it decides what it may order.
 */
@RestController
@RequestMapping("/v1/billing")
@Authenticated(scope = Scope.BILLING)
class BillingQueryController {
    private final LedgerEntryRowRepository ledger;
    private final PaymentRowRepository payments;
    private final AccountViewRepository accounts;
    private final InvoiceSettings invoices;

    BillingQueryController(LedgerEntryRowRepository ledger, PaymentRowRepository payments,
                           AccountViewRepository accounts, InvoiceSettings invoices) {
        this.ledger = ledger;
        this.payments = payments;
        this.accounts = accounts;
        this.invoices = invoices;
    }

    @QueryHandler
    Optional<PaymentView> find(FindPaymentQuery query) {
        return payments.find(query.tenant(), query.paymentId()).map(PaymentRow::view);
    }

    /** The sum of the ledger. */
    @GetMapping("/balance")
    @Authenticated(scope = {Scope.GAME_OWNER, Scope.BILLING})
    CreditBalanceView balance(Caller caller) {
        List<Object[]> sums = ledger.sums(Tenant.of(caller));
        return sums.isEmpty() ? new CreditBalanceView(caller.mode(), 0, null)
                : new CreditBalanceView(caller.mode(), ((Number) sums.get(0)[1]).longValue(), (String) sums.get(0)[0]);
    }

    /** Every credit, charge, refund and reward, newest first. */
    @GetMapping("/ledger")
    ListPage<LedgerEntryView> ledger(Caller caller, PageRequest page) {
        List<LedgerEntryRow> rows = ledger.page(Tenant.of(caller), page.afterCreatedAt(), page.afterId(),
                page.fetchLimit());
        return page.toListPage(rows, LedgerEntryRow::position,
                found -> found.stream().map(LedgerEntryRow::view).toList());
    }

    /** Top-ups, newest first. */
    @GetMapping("/payments")
    ListPage<PaymentView> payments(Caller caller, PageRequest page) {
        List<PaymentRow> rows = payments.page(Tenant.of(caller), page.afterCreatedAt(), page.afterId(),
                page.fetchLimit());
        return page.toListPage(rows, PaymentRow::position, found -> found.stream().map(PaymentRow::view).toList());
    }

    @GetMapping("/payments/{id}")
    PaymentView payment(Caller caller, @PathVariable String id) {
        return find(new FindPaymentQuery(id, Tenant.of(caller))).orElseThrow(() -> DomainException.notFound("Payment"));
    }

    /** The invoice of a successful payment, as a PDF; a payment without one (pending, failed) is 404. */
    @GetMapping(value = "/payments/{id}/invoice", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> invoice(Caller caller, @PathVariable String id) {
        PaymentRow payment = payments.find(Tenant.of(caller), id).filter(PaymentRow::invoiced)
                .orElseThrow(() -> DomainException.notFound("Invoice"));
        AccountView buyer = accounts.findById(caller.accountId())
                .orElseThrow(() -> new IllegalStateException("The caller's account is missing from its read model"));
        Money amount = Money.ofMinor(payment.amountCents(), payment.currency());
        byte[] pdf = InvoicePdf.render(new InvoicePdf.Invoice(payment.invoiceNumberText(),
                payment.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate(), invoices.sellerName(),
                invoices.sellerAddress(), buyer.name(), buyer.email(), caller.accountId(),
                List.of(new InvoicePdf.Line("Playtesting credit (" + payment.mode().wireName() + " mode), payment "
                        + payment.id(), 1, amount))));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(payment.invoiceNumberText() + ".pdf").build().toString())
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }
}
