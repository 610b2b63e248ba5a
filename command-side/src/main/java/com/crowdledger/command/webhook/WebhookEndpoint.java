package com.crowdledger.command.webhook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.events.webhook.WebhookDisabledReason;
import com.crowdledger.events.webhook.WebhookEndpointChangedEvent;
import com.crowdledger.events.webhook.WebhookEndpointCreatedEvent;
import com.crowdledger.events.webhook.WebhookEndpointDeletedEvent;
import com.crowdledger.events.webhook.WebhookEndpointDisabledEvent;
import com.crowdledger.events.webhook.WebhookEndpointEnabledEvent;
import com.crowdledger.events.webhook.WebhookEndpointStatus;
import com.crowdledger.events.webhook.WebhookSecretRotatedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A webhook endpoint: where an account's events of one mode are delivered, which of them, and whether it takes them
 * now. It holds the reference of its signing secret, never the secret.
 */
@Aggregate
class WebhookEndpoint {
    static final int MAX_DESCRIPTION_LENGTH = 500;
    /** How long a rotated-out secret keeps signing beside its successor. */
    static final Duration PREVIOUS_SECRET_LIFETIME = Duration.ofHours(24);

    @AggregateIdentifier
    private String webhookId;
    private String accountId;
    private Mode mode;
    private String url;
    private List<String> eventTypes;
    private String description;
    private boolean enabled;
    private String secretRef;
    private boolean deleted;

    WebhookEndpoint() {
        // for Axon
    }

    @CommandHandler
    WebhookEndpoint(CreateWebhookEndpointCommand command) {
        if (!command.tenant().modes().contains(command.mode())) {
            throw DomainException.forbidden("A " + command.tenant().singleMode().wireName() + " key can only register "
                    + command.tenant().singleMode().wireName() + " endpoints");
        }
        requireEventTypes(command.eventTypes());
        apply(new WebhookEndpointCreatedEvent(command.webhookId(), command.tenant().accountId(), command.mode(),
                command.url(), List.copyOf(command.eventTypes()), cleanDescription(command.description()),
                command.secretRef(), now()));
    }

    @CommandHandler
    void handle(ChangeWebhookEndpointCommand command) {
        requireOwnedBy(command.tenant());
        String newUrl = command.url() != null ? command.url() : url;
        List<String> newTypes = command.eventTypes() != null ? List.copyOf(command.eventTypes()) : eventTypes;
        String newDescription = command.description() != null ? cleanDescription(command.description()) : description;
        requireEventTypes(newTypes);
        if (!newUrl.equals(url) || !newTypes.equals(eventTypes) || !Objects.equals(newDescription, description)) {
            apply(new WebhookEndpointChangedEvent(webhookId, accountId, mode, newUrl, newTypes, newDescription, now()));
        }
        if (command.status() == WebhookEndpointStatus.ENABLED && !enabled) {
            apply(new WebhookEndpointEnabledEvent(webhookId, accountId, mode, now()));
        } else if (command.status() == WebhookEndpointStatus.DISABLED && enabled) {
            apply(new WebhookEndpointDisabledEvent(webhookId, accountId, mode, WebhookDisabledReason.REQUESTED, now()));
        }
    }

    @CommandHandler
    void handle(RotateWebhookSecretCommand command) {
        requireOwnedBy(command.tenant());
        Instant now = now();
        apply(new WebhookSecretRotatedEvent(webhookId, accountId, mode, command.secretRef(), secretRef,
                now.plus(PREVIOUS_SECRET_LIFETIME), now));
    }

    @CommandHandler
    void handle(DeleteWebhookEndpointCommand command) {
        requireOwnedBy(command.tenant());
        apply(new WebhookEndpointDeletedEvent(webhookId, accountId, mode, now()));
    }

    /** The dispatcher gave up on the endpoint: disable it, unless its owner did first or deleted it. */
    @CommandHandler
    void handle(DisableFailedWebhookEndpointCommand command) {
        if (!deleted && enabled) {
            apply(new WebhookEndpointDisabledEvent(webhookId, accountId, mode, command.reason(), now()));
        }
    }

    @EventSourcingHandler
    void on(WebhookEndpointCreatedEvent event) {
        webhookId = event.webhookId();
        accountId = event.accountId();
        mode = event.mode();
        url = event.url();
        eventTypes = event.eventTypes();
        description = event.description();
        secretRef = event.secretRef();
        enabled = true;
    }

    @EventSourcingHandler
    void on(WebhookEndpointChangedEvent event) {
        url = event.url();
        eventTypes = event.eventTypes();
        description = event.description();
    }

    @EventSourcingHandler
    void on(WebhookEndpointEnabledEvent event) {
        enabled = true;
    }

    @EventSourcingHandler
    void on(WebhookEndpointDisabledEvent event) {
        enabled = false;
    }

    @EventSourcingHandler
    void on(WebhookSecretRotatedEvent event) {
        secretRef = event.secretRef();
    }

    @EventSourcingHandler
    void on(WebhookEndpointDeletedEvent event) {
        deleted = true;
    }

    /** Another account's endpoint, one of the other mode, and a deleted one do not exist for the caller. */
    private void requireOwnedBy(Tenant tenant) {
        if (deleted || !tenant.owns(accountId, mode)) {
            throw DomainException.notFound("Webhook endpoint");
        }
    }

    private static void requireEventTypes(List<String> types) {
        if (types == null || types.isEmpty()) {
            throw DomainException.invalid("eventTypes", "must name at least one event type, or \"*\" for all");
        }
    }

    /** Trimmed; blank means none. */
    private static String cleanDescription(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_DESCRIPTION_LENGTH) {
            throw DomainException.invalid("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return stripped;
    }

    /** To the microsecond, as PostgreSQL keeps it: an answer made from the event reads as the stored one does. */
    private static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
