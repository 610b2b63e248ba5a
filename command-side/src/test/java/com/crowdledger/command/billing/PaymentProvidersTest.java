package com.crowdledger.command.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A payment is asked about at its own provider, even after the setting named another one. */
class PaymentProvidersTest {
    private final PaymentProvider sandbox = new SandboxPaymentProvider();
    private final PaymentProvider stripe = new Named("stripe");
    private final PaymentProviders providers = new PaymentProviders(List.of(sandbox, stripe),
            new BillingSettings("stripe", Duration.ofSeconds(30), null, false));

    @Test
    void aPaymentIsAskedAboutAtTheProviderItStartedWith() {
        assertThat(providers.current()).isSameAs(stripe);
        assertThat(providers.named("sandbox")).isSameAs(sandbox);
        assertThat(providers.named(null)).as("a task stored before the provider was kept").isSameAs(stripe);
    }

    @Test
    void aProviderNoLongerDeployedIsAnErrorNotAnotherProvidersAnswer() {
        assertThatThrownBy(() -> providers.named("adyen")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("adyen");
    }

    private record Named(String name) implements PaymentProvider {
        @Override
        public PaymentIntent pay(PaymentRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PaymentIntent fetch(String providerPaymentId) {
            throw new UnsupportedOperationException();
        }
    }
}
