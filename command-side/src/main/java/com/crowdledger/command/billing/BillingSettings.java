package com.crowdledger.command.billing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crowdledger.billing.*}: the payment provider in use (the name of a {@link PaymentProvider} bean, default
 * {@code sandbox}) and how often a processing payment is asked about (30 s).
 */
@ConfigurationProperties("crowdledger.billing")
public record BillingSettings(String paymentProvider, Duration paymentPollInterval) {
    public BillingSettings {
        paymentProvider = paymentProvider == null || paymentProvider.isBlank() ? SandboxPaymentProvider.NAME
                : paymentProvider;
        paymentPollInterval = paymentPollInterval == null ? Duration.ofSeconds(30) : paymentPollInterval;
    }
}
