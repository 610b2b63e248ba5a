package com.crowdledger.command.webhook;

import com.crowdledger.command.consistency.TransactionLocks;
import com.crowdledger.events.webhook.WebhookEndpointCreatedEvent;
import com.crowdledger.events.webhook.WebhookEndpointDeletedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many endpoints an account has in a mode, for the limit on them (each event of the account is delivered to each
 * of its endpoints, so their number bounds the work one event can cause). Kept by a subscribing processor in the
 * command's transaction; counting first locks the account and mode, so concurrent registrations take turns and the
 * second one counts the first.
 */
@Component
@Subscribing
@ProcessingGroup(WebhookEndpointLookup.PROCESSING_GROUP)
class WebhookEndpointLookup {
    static final String PROCESSING_GROUP = "webhook-endpoint-lookup";

    private final JdbcTemplate jdbc;
    private final TransactionLocks locks;

    WebhookEndpointLookup(JdbcTemplate jdbc, TransactionLocks locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    @EventHandler
    void on(WebhookEndpointCreatedEvent event) {
        jdbc.update("insert into webhook_endpoint_lookup (webhook_id, account_id, mode) values (?, ?, ?)",
                event.webhookId(), event.accountId(), event.mode().name());
    }

    @EventHandler
    void on(WebhookEndpointDeletedEvent event) {
        jdbc.update("delete from webhook_endpoint_lookup where webhook_id = ?", event.webhookId());
    }

    /** The account's endpoints in the mode, counted under a lock held until the transaction ends. */
    int countLocked(String accountId, Mode mode) {
        locks.lock("webhook-endpoints", accountId + ":" + mode.name());
        Integer count = jdbc.queryForObject("select count(*) from webhook_endpoint_lookup where account_id = ? and mode = ?",
                Integer.class, accountId, mode.name());
        return count == null ? 0 : count;
    }
}
