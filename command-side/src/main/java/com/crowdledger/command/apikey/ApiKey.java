package com.crowdledger.command.apikey;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.events.apikey.ApiKeyChangedEvent;
import com.crowdledger.events.apikey.ApiKeyIssuedEvent;
import com.crowdledger.events.apikey.ApiKeyRevokedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import java.time.Instant;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** An API key: who owns it, what it may do, whether it still works. Holds no secret, only the hash's owner. */
@Aggregate
class ApiKey {
    static final int MAX_NAME_LENGTH = 100;
    /** Keys an account may hold per mode, not counting revoked ones: each key has a rate limit of its own. */
    static final int MAX_ACTIVE_KEYS = 100;

    @AggregateIdentifier
    private String keyId;
    private String accountId;
    private Mode mode;
    private String name;
    private Set<Scope> scopes;
    private Instant expiresAt;
    private boolean revoked;

    ApiKey() {
        // for Axon
    }

    @CommandHandler
    ApiKey(IssueApiKeyCommand command, ActiveKeys activeKeys) {
        KeyAuthority issuer = command.issuer();
        if (!issuer.tenant().modes().contains(command.mode())) {
            String mode = issuer.tenant().singleMode().wireName();
            throw DomainException.forbidden("A " + mode + " key can only issue " + mode + " keys");
        }
        requireValidName(command.name());
        requireGrantable(command.scopes(), issuer);
        Instant now = now();
        Instant expiresAt = command.expiresAt() != null ? command.expiresAt() : issuer.expiresAt();
        if (issuer.expiresAt() != null && expiresAt.isAfter(issuer.expiresAt())) {
            throw DomainException.invalid("expiresAt", "must not be later than the issuing key's own expiry, "
                    + issuer.expiresAt());
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw DomainException.invalid("expiresAt", "must be in the future");
        }
        if (activeKeys.count(issuer.tenant().accountId(), command.mode()) >= MAX_ACTIVE_KEYS) {
            throw DomainException.conflict("The account holds " + MAX_ACTIVE_KEYS + " active " + command.mode().wireName()
                    + " keys, the most it may; revoke one first");
        }
        apply(new ApiKeyIssuedEvent(command.keyId(), issuer.tenant().accountId(), command.mode(),
                command.name().strip(), Set.copyOf(command.scopes()), command.prefix(), command.secretHash(),
                expiresAt, now));
    }

    @CommandHandler
    void handle(ChangeApiKeyCommand command) {
        requireManageableBy(command.caller());
        requireNotRevoked();
        String newName = command.name() == null ? name : command.name();
        Set<Scope> newScopes = command.scopes() == null ? scopes : command.scopes();
        requireValidName(newName);
        if (command.scopes() != null) {
            requireGrantable(newScopes, command.caller());
        }
        if (newName.strip().equals(name) && newScopes.equals(scopes)) {
            return; // nothing changes, nothing to record
        }
        apply(new ApiKeyChangedEvent(keyId, accountId, mode, newName.strip(), Set.copyOf(newScopes), now()));
    }

    @CommandHandler
    void handle(RevokeApiKeyCommand command) {
        requireManageableBy(command.caller());
        requireNotRevoked();
        apply(new ApiKeyRevokedEvent(keyId, accountId, mode, now()));
    }

    @EventSourcingHandler
    void on(ApiKeyIssuedEvent event) {
        keyId = event.keyId();
        accountId = event.accountId();
        mode = event.mode();
        name = event.name();
        scopes = event.scopes();
        expiresAt = event.expiresAt();
    }

    @EventSourcingHandler
    void on(ApiKeyChangedEvent event) {
        name = event.name();
        scopes = event.scopes();
    }

    @EventSourcingHandler
    void on(ApiKeyRevokedEvent event) {
        revoked = true;
    }

    /**
     * Another account's key, a key of the other mode, a key with a scope the caller lacks, and a key that outlives the
     * caller do not exist for this caller: a narrower or shorter-lived key cannot see, change or revoke a wider or
     * longer-lived one (and so cannot pass its scopes to a key without expiry).
     */
    private void requireManageableBy(KeyAuthority caller) {
        if (!caller.tenant().owns(accountId, mode) || !caller.mayManage(scopes, expiresAt)) {
            throw DomainException.notFound("API key");
        }
    }

    private void requireNotRevoked() {
        if (revoked) {
            throw DomainException.conflict("The API key is revoked");
        }
    }

    private static void requireValidName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
    }

    private static void requireGrantable(Set<Scope> requested, KeyAuthority issuer) {
        if (requested == null || requested.isEmpty()) {
            throw DomainException.invalid("scopes", "must name at least one scope");
        }
        if (!issuer.mayGrant(requested)) {
            throw DomainException.forbidden("A key cannot be given scopes its issuer does not hold");
        }
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
