package com.crowdledger.command.billing;

import java.util.List;
import org.springframework.stereotype.Component;

/** The provider {@code crowdledger.billing.payment-provider} names; the start fails if none has that name. */
@Component
class PaymentProviders {
    private final PaymentProvider current;
    private final List<PaymentProvider> all;

    PaymentProviders(List<PaymentProvider> providers, BillingSettings settings) {
        this.all = List.copyOf(providers);
        this.current = providers.stream().filter(provider -> provider.name().equals(settings.paymentProvider()))
                .findFirst().orElseThrow(() -> new IllegalStateException("No payment provider is named "
                        + settings.paymentProvider() + " (crowdledger.billing.payment-provider); there are "
                        + providers.stream().map(PaymentProvider::name).toList()));
    }

    PaymentProvider current() {
        return current;
    }

    /**
     * The provider a payment started with (null: the one in use), for asking about it later even after the setting
     * changed. One no longer deployed is an error, so a task asks again once it is back rather than settle wrongly.
     */
    PaymentProvider named(String name) {
        if (name == null || name.equals(current.name())) {
            return current;
        }
        return all.stream().filter(provider -> provider.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No payment provider is named " + name
                        + " any more: its payments cannot be asked about"));
    }
}
