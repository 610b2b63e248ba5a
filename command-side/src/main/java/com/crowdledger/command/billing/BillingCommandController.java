package com.crowdledger.command.billing;

import com.crowdledger.queries.billing.FindPaymentQuery;
import com.crowdledger.queries.billing.PaymentView;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.NoIdempotencyKey;
import com.crowdledger.shared.web.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** An owner buys credit, in the mode of its key (test mode: play money). The {@code billing} scope only reads. */
@RestController
@Authenticated(scope = Scope.GAME_OWNER)
class BillingCommandController {
    static final long MAX_TOP_UP_CENTS = 10_000_000;
    static final String DEFAULT_CURRENCY = "USD";

    private final CreditTopUps topUps;
    private final QueryGateway queries;

    BillingCommandController(CreditTopUps topUps, QueryGateway queries) {
        this.topUps = topUps;
        this.queries = queries;
    }

    /**
     * {@code amountCents} in integer minor units of {@code currency} (default USD; an account's credit stays in the
     * currency of its first top-up); {@code paymentMethod} is the provider's token (sandbox: {@code pm_card_visa},
     * {@code pm_card_declined}, {@code pm_card_async}, {@code pm_card_unanswered}).
     */
    record BuyCredit(
            @NotNull @Min(1) @Max(MAX_TOP_UP_CENTS) Long amountCents,
            @Nullable @Size(min = 3, max = 3) String currency,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_\\-]+") String paymentMethod) {
    }

    /**
     * 201 with the payment: {@code succeeded} (credited), or {@code pending} while the provider confirms or when its
     * answer did not come (it is asked again later); a client polls {@code GET /v1/billing/payments/{id}} (with a
     * {@code billing} key), or sends the same top-up again with its {@code Idempotency-Key}.
     *
     * <p>{@code Idempotency-Key} is this route's own, not the platform's stored replay: that runs the request in one
     * transaction, which would hold the account's lock while the provider answers and roll back the record of a
     * payment the provider may have taken. Here the key names the payment (per API key): a retry finds it and answers
     * it as it stands, and the provider, asked with the payment's id as its own idempotency key, charges once.
     */
    @PostMapping("/v1/billing/credit")
    @ResponseStatus(HttpStatus.CREATED)
    @NoIdempotencyKey
    // refused by the provider; a key reused for another top-up (SPEC §3, as on every route taking the header)
    @Errors({ErrorCode.PAYMENT_FAILED, ErrorCode.IDEMPOTENCY_MISMATCH})
    PaymentView buy(Caller caller, @Valid @RequestBody BuyCredit request,
                    @RequestHeader(name = "Idempotency-Key", required = false) @Nullable @Size(min = 1, max = 255)
                    String idempotencyKey) {
        Tenant owner = Tenant.of(caller);
        String currency = request.currency() == null ? DEFAULT_CURRENCY : request.currency();
        Money amount;
        try {
            amount = Money.ofMinor(request.amountCents(), currency);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("currency", e.getMessage());
        }
        String paymentId = idempotencyKey == null ? Ids.next(Ids.PAYMENT)
                : Ids.derived(Ids.PAYMENT, caller.keyId() + ":" + idempotencyKey);
        if (idempotencyKey != null) {
            // a retry of a top-up already made answers it as it stands; another top-up under the same key goes on
            // to the billing account, which refuses it (422 IDEMPOTENCY_MISMATCH) before any provider is asked
            Optional<PaymentView> earlier = payment(paymentId, owner).filter(paid -> paid.amountCents()
                    == request.amountCents() && paid.currency().equals(currency)
                    && paid.paymentMethod().equals(request.paymentMethod()));
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        topUps.topUp(owner, paymentId, amount, request.paymentMethod());
        return payment(paymentId, owner).orElseThrow(() -> DomainException.notFound("Payment"));
    }

    private Optional<PaymentView> payment(String paymentId, Tenant owner) {
        return queries.query(new FindPaymentQuery(paymentId, owner),
                ResponseTypes.optionalInstanceOf(PaymentView.class)).join();
    }
}
