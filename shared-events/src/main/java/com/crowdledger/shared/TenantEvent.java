package com.crowdledger.shared;

/**
 * Every event names the account it belongs to and the mode (live or test) it happened in, so that every
 * consumer (read models, webhooks, the Kafka feed, the audit log) can keep tenants and modes apart.
 */
public interface TenantEvent {
    String accountId();

    Mode mode();
}
