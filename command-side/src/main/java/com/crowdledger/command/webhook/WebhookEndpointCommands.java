package com.crowdledger.command.webhook;

import com.crowdledger.events.webhook.WebhookEndpointStatus;
import com.crowdledger.queries.webhook.FindWebhookEndpointQuery;
import com.crowdledger.queries.webhook.FindWebhookEventTypesQuery;
import com.crowdledger.queries.webhook.WebhookEndpointSummary;
import com.crowdledger.queries.webhook.WebhookEventTypeNames;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.net.SsrfGuard;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Tenant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the endpoint routes do before and after the aggregate decides: the URL through the SSRF guard (it resolves the
 * host, which an aggregate must not do), event types against those the caller's scopes read, the limit of endpoints, the secret into the
 * vault, all in one transaction with the command; and the endpoint as the read model then shows it.
 */
@Service
class WebhookEndpointCommands {
    static final int MAX_ENDPOINTS_PER_MODE = 16;
    static final String ALL_TYPES = "*";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final WebhookSigningSecrets secrets;
    private final WebhookEndpointLookup lookup;
    private final SsrfGuard guard;

    WebhookEndpointCommands(CommandGateway commands, QueryGateway queries, WebhookSigningSecrets secrets,
                            WebhookEndpointLookup lookup,
                            @Value("${crowdledger.webhooks.allow-private-networks:false}") boolean allowPrivateNetworks) {
        this.commands = commands;
        this.queries = queries;
        this.secrets = secrets;
        this.lookup = lookup;
        this.guard = new SsrfGuard(allowPrivateNetworks);
    }

    @Transactional
    CreatedWebhookEndpoint create(Caller caller, String url, List<String> eventTypes, String description) {
        Tenant tenant = Tenant.of(caller);
        Mode mode = caller.mode();
        String checkedUrl = guard.requireAllowedUrl("url", url).toString();
        List<String> types = eventTypes(caller, eventTypes);
        if (lookup.countLocked(tenant.accountId(), mode) >= MAX_ENDPOINTS_PER_MODE) {
            throw new DomainException(ErrorCode.CONFLICT, "An account has at most " + MAX_ENDPOINTS_PER_MODE
                    + " webhook endpoints in each mode: delete one first");
        }
        String webhookId = Ids.next(Ids.WEBHOOK);
        WebhookSigningSecrets.Issued secret = secrets.issue();
        commands.sendAndWait(new CreateWebhookEndpointCommand(webhookId, tenant, mode, checkedUrl, types, description,
                secret.reference()));
        return CreatedWebhookEndpoint.of(summary(webhookId, tenant), secret.secret());
    }

    @Transactional
    WebhookEndpointSummary change(Caller caller, String webhookId, String url, List<String> eventTypes,
                                  String description, WebhookEndpointStatus status) {
        Tenant tenant = Tenant.of(caller);
        requireWebhookId(webhookId);
        String checkedUrl = url == null ? null : guard.requireAllowedUrl("url", url).toString();
        commands.sendAndWait(new ChangeWebhookEndpointCommand(webhookId, tenant, checkedUrl,
                eventTypes == null ? null : eventTypes(caller, eventTypes), description, status));
        return summary(webhookId, tenant);
    }

    @Transactional
    RotatedWebhookSecret rotateSecret(Tenant tenant, String webhookId) {
        requireWebhookId(webhookId);
        WebhookSigningSecrets.Issued secret = secrets.issue();
        commands.sendAndWait(new RotateWebhookSecretCommand(webhookId, tenant, secret.reference()));
        return new RotatedWebhookSecret(webhookId, secret.secret(),
                summary(webhookId, tenant).previousSecretExpiresAt());
    }

    @Transactional
    DeletedWebhookEndpoint delete(Tenant tenant, String webhookId) {
        requireWebhookId(webhookId);
        commands.sendAndWait(new DeleteWebhookEndpointCommand(webhookId, tenant));
        return new DeletedWebhookEndpoint(webhookId, true);
    }

    /**
     * Without duplicates; {@code *} alone stands for every type. A key subscribes only to the families its scopes read
     * in the event log (a {@code webhooks} key alone reads {@code webhook.*}), so an endpoint cannot carry to its URL
     * what the key could not read; {@code *} needs a key holding every scope of its account's role.
     */
    private List<String> eventTypes(Caller caller, List<String> requested) {
        WebhookEventTypeNames readable = queries.query(new FindWebhookEventTypesQuery(caller.scopes()),
                WebhookEventTypeNames.class).join();
        boolean readsEverything = caller.scopes().containsAll(caller.role().scopes());
        Set<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (ALL_TYPES.equals(type) && !readsEverything) {
                throw DomainException.invalid("eventTypes", "\"*\" needs a key with every scope of the account; "
                        + "name the types of the event families this key's scopes read");
            }
            if (type == null || !(ALL_TYPES.equals(type) || readable.names().contains(type))) {
                throw DomainException.invalid("eventTypes", "\"" + type + "\" is not an event type this key's scopes "
                        + "read; GET /v1/webhooks/event-types lists every type");
            }
            types.add(type);
        }
        return types.contains(ALL_TYPES) ? List.of(ALL_TYPES) : List.copyOf(types);
    }

    private WebhookEndpointSummary summary(String webhookId, Tenant tenant) {
        return queries.query(new FindWebhookEndpointQuery(webhookId, tenant),
                        ResponseTypes.optionalInstanceOf(WebhookEndpointSummary.class)).join()
                .orElseThrow(() -> DomainException.notFound("Webhook endpoint"));
    }

    private static void requireWebhookId(String id) {
        if (!Ids.hasPrefix(id, Ids.WEBHOOK)) {
            throw DomainException.notFound("Webhook endpoint");
        }
    }
}
