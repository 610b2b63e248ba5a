package com.crowdledger.command.billing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crowdledger.billing.*}: the payment provider in use (the name of a {@link PaymentProvider} bean, default
 * {@code sandbox}), how often a processing payment is asked about (30 s), and whether the sandbox may credit live
 * mode ({@code sandbox-in-live}, default false: its test cards would make live credit free; local development and
 * tests only).
 */
@ConfigurationProperties("crowdledger.billing")
public record BillingSettings(String paymentProvider, Duration paymentPollInterval, boolean sandboxInLive) {
    public BillingSettings {
        paymentProvider = paymentProvider == null || paymentProvider.isBlank() ? SandboxPaymentProvider.NAME
                : paymentProvider;
        paymentPollInterval = paymentPollInterval == null ? Duration.ofSeconds(30) : paymentPollInterval;
    }
}
