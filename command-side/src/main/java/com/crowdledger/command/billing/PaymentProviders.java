package com.crowdledger.command.billing;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The provider {@code crowdledger.billing.payment-provider} names; the start fails if none has that name. */
@Component
class PaymentProviders {
    private final Map<String, PaymentProvider> byName;
    private final PaymentProvider current;

    PaymentProviders(List<PaymentProvider> providers, BillingSettings settings) {
        this.byName = providers.stream().collect(Collectors.toUnmodifiableMap(PaymentProvider::name,
                Function.identity()));
        PaymentProvider named = byName.get(settings.paymentProvider());
        if (named == null) {
            throw new IllegalStateException("No payment provider is named " + settings.paymentProvider()
                    + " (crowdledger.billing.payment-provider); there are " + byName.keySet());
        }
        this.current = named;
    }

    PaymentProvider current() {
        return current;
    }

    /**
     * The provider a payment started with (null: the one in use), for asking about it later even after the setting
     * changed. One no longer deployed is an error, so a task asks again once it is back rather than settle wrongly.
     */
    PaymentProvider named(String name) {
        PaymentProvider provider = name == null ? current : byName.get(name);
        if (provider == null) {
            throw new IllegalStateException("No payment provider is named " + name
                    + " any more: its payments cannot be asked about");
        }
        return provider;
    }
}
