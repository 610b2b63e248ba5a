package com.crowdledger.command.billing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crowdledger.billing.*}: the payment provider in use (the name of a {@link PaymentProvider} bean, default
 * {@code sandbox}), how often a processing payment is asked about (30 s), how long after its start a payment whose
 * provider answer was never settled is asked about again ({@code payment-recovery-after}, 10 min: longer than a
 * provider call takes, so it does not ask while the request still waits; if it did, the idempotency key would make
 * it harmless), and whether the sandbox may credit live mode ({@code sandbox-in-live}, default false: its test cards
 * would make live credit free; local development and tests only).
 */
@ConfigurationProperties("crowdledger.billing")
public record BillingSettings(String paymentProvider, Duration paymentPollInterval, Duration paymentRecoveryAfter,
                              boolean sandboxInLive) {
    public BillingSettings {
        paymentProvider = paymentProvider == null || paymentProvider.isBlank() ? SandboxPaymentProvider.NAME
                : paymentProvider;
        paymentPollInterval = paymentPollInterval == null ? Duration.ofSeconds(30) : paymentPollInterval;
        paymentRecoveryAfter = paymentRecoveryAfter == null ? Duration.ofMinutes(10) : paymentRecoveryAfter;
    }
}
