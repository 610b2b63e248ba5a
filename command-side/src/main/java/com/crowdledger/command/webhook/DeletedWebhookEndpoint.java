package com.crowdledger.command.webhook;

/** What a deletion answers: the endpoint is gone, and so are its pending deliveries. */
public record DeletedWebhookEndpoint(String id, boolean deleted) {
}
