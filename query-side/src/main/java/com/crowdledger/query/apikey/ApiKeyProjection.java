package com.crowdledger.query.apikey;

import com.crowdledger.events.account.AccountRegistrationLapsedEvent;
import com.crowdledger.events.apikey.ApiKeyChangedEvent;
import com.crowdledger.events.apikey.ApiKeyIssuedEvent;
import com.crowdledger.events.apikey.ApiKeyRevokedEvent;
import com.crowdledger.shared.processing.Subscribing;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Projects keys. Subscribing, so the row commits with the event: a key works on the request right after it is
 * issued, and a revoked key fails on the very next one.
 */
@Component
@Subscribing
@ProcessingGroup(ApiKeyProjection.PROCESSING_GROUP)
class ApiKeyProjection {
    static final String PROCESSING_GROUP = "apikey-view";

    private final ApiKeyViewRepository keys;

    ApiKeyProjection(ApiKeyViewRepository keys) {
        this.keys = keys;
    }

    @EventHandler
    void on(ApiKeyIssuedEvent event) {
        keys.save(new ApiKeyView(event.keyId(), event.accountId(), event.mode(), event.name(), event.scopes(),
                event.prefix(), event.secretHash(), event.expiresAt(), event.issuedAt()));
    }

    @EventHandler
    void on(ApiKeyChangedEvent event) {
        keys.findById(event.keyId()).ifPresent(key -> key.change(event.name(), event.scopes()));
    }

    @EventHandler
    void on(ApiKeyRevokedEvent event) {
        keys.findById(event.keyId()).ifPresent(key -> key.revoke(event.revokedAt()));
    }

    /** A lapsed registration's keys die with it. */
    @EventHandler
    void on(AccountRegistrationLapsedEvent event) {
        keys.revokeAllOf(event.accountId(), event.lapsedAt());
    }

    @ResetHandler
    void reset() {
        keys.deleteAllInBatch();
    }
}
