package com.crowdledger.query.webhook;

import com.crowdledger.events.webhook.WebhookDisabledReason;
import com.crowdledger.events.webhook.WebhookEndpointStatus;
import com.crowdledger.query.paging.Position;
import com.crowdledger.queries.webhook.WebhookEndpointSummary;
import com.crowdledger.shared.Mode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A webhook endpoint as the API shows it and as the dispatcher routes to it (with its secrets' references). */
@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpointView {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    private String url;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types")
    private String[] eventTypes;
    private String description;
    @Enumerated(EnumType.STRING)
    private WebhookEndpointStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "disabled_reason")
    private WebhookDisabledReason disabledReason;
    @Column(name = "enabled_since")
    private Instant enabledSince;
    @Column(name = "secret_ref")
    private String secretRef;
    @Column(name = "previous_secret_ref")
    private String previousSecretRef;
    @Column(name = "previous_secret_expires_at")
    private Instant previousSecretExpiresAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected WebhookEndpointView() {
    }

    WebhookEndpointView(String id, String accountId, Mode mode, String url, List<String> eventTypes,
                        String description, String secretRef, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.secretRef = secretRef;
        this.createdAt = createdAt;
        change(url, eventTypes, description, createdAt);
        enable(createdAt);
    }

    void change(String newUrl, List<String> newEventTypes, String newDescription, Instant at) {
        url = newUrl;
        eventTypes = newEventTypes.toArray(String[]::new);
        description = newDescription;
        updatedAt = at;
    }

    void enable(Instant at) {
        status = WebhookEndpointStatus.ENABLED;
        disabledReason = null;
        enabledSince = at;
        updatedAt = at;
    }

    void disable(WebhookDisabledReason reason, Instant at) {
        status = WebhookEndpointStatus.DISABLED;
        disabledReason = reason;
        updatedAt = at;
    }

    void rotateSecret(String newSecretRef, String previousRef, Instant previousExpiresAt, Instant at) {
        secretRef = newSecretRef;
        previousSecretRef = previousRef;
        previousSecretExpiresAt = previousExpiresAt;
        updatedAt = at;
    }

    WebhookEndpointSummary summary(Instant now) {
        return new WebhookEndpointSummary(id, url, List.of(eventTypes), description, status, disabledReason, mode,
                previousSecretSigns(now) ? previousSecretExpiresAt : null, createdAt, updatedAt);
    }

    /**
     * True when the endpoint takes events of this type that happened at {@code at} (to the millisecond, as the event
     * store keeps an event's time: compared at that precision, an event of the same millisecond as the enabling
     * counts as after it).
     */
    boolean receives(String type, Instant at) {
        if (status != WebhookEndpointStatus.ENABLED || at.isBefore(enabledSince.truncatedTo(ChronoUnit.MILLIS))) {
            return false;
        }
        for (String subscribed : eventTypes) {
            if (subscribed.equals("*") || subscribed.equals(type)) {
                return true;
            }
        }
        return false;
    }

    boolean previousSecretSigns(Instant now) {
        return previousSecretRef != null && now.isBefore(previousSecretExpiresAt);
    }

    public String id() {
        return id;
    }

    public String url() {
        return url;
    }

    public boolean enabled() {
        return status == WebhookEndpointStatus.ENABLED;
    }

    String secretRef() {
        return secretRef;
    }

    String previousSecretRef() {
        return previousSecretRef;
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
