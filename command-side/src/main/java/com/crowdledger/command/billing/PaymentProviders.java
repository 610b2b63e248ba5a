package com.crowdledger.command.billing;

import java.util.List;
import org.springframework.stereotype.Component;

/** The provider {@code crowdledger.billing.payment-provider} names; the start fails if none has that name. */
@Component
class PaymentProviders {
    private final PaymentProvider current;

    PaymentProviders(List<PaymentProvider> providers, BillingSettings settings) {
        this.current = providers.stream().filter(provider -> provider.name().equals(settings.paymentProvider()))
                .findFirst().orElseThrow(() -> new IllegalStateException("No payment provider is named "
                        + settings.paymentProvider() + " (crowdledger.billing.payment-provider); there are "
                        + providers.stream().map(PaymentProvider::name).toList()));
    }

    PaymentProvider current() {
        return current;
    }
}
