package com.crowdledger.infra.auth;

import com.crowdledger.shared.listen.DatabaseChannel;
import org.springframework.stereotype.Component;

/**
 * Key and account changes made on any node ({@link AuthCacheInvalidation} announces them at commit): each evicts the
 * account's keys from this node's cache. When changes may have been missed, the whole cache goes, so a stale key is
 * served for at most about two of the listener's heartbeats.
 */
@Component
class AuthChanges implements DatabaseChannel {
    private final ApiKeyAuthenticator authenticator;

    AuthChanges(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public String name() {
        return AuthCacheInvalidation.CHANNEL;
    }

    @Override
    public void received(String accountId) {
        authenticator.evictAccount(accountId);
    }

    @Override
    public void missed() {
        authenticator.evictAll();
    }
}
