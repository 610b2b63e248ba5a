package com.crowdledger.query.partner;

import com.crowdledger.queries.partner.PartnerSummary;
import com.crowdledger.query.paging.Position;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.tracking.PartnerStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A partner as the API lists it. Its outbound postback URL stays sealed in the vault: the row holds the reference
 * (for the postbacks, {@link PostbackDeliveryKind}) and the host (for display), and since when it has had one.
 */
@Entity
@Table(name = "partners")
class PartnerView {
    @Id
    private String id;
    @Column(name = "account_id")
    private String accountId;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    private String name;
    private String slug;
    private String email;
    @Enumerated(EnumType.STRING)
    private PartnerStatus status;
    @Column(name = "postback_url_ref")
    private String postbackUrlRef;
    @Column(name = "postback_host")
    private String postbackHost;
    @Column(name = "postback_since")
    private Instant postbackSince;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected PartnerView() {
    }

    PartnerView(String id, String accountId, Mode mode, String slug, Instant createdAt) {
        this.id = id;
        this.accountId = accountId;
        this.mode = mode;
        this.slug = slug;
        this.createdAt = createdAt;
    }

    void details(String newName, String newEmail, PartnerStatus newStatus, String newPostbackUrlRef,
                 String newPostbackHost, Instant at) {
        name = newName;
        email = newEmail;
        status = newStatus;
        if (newPostbackUrlRef == null) {
            postbackSince = null;
        } else if (postbackUrlRef == null) {
            postbackSince = at; // a replaced URL keeps the time the partner first had one
        }
        postbackUrlRef = newPostbackUrlRef;
        postbackHost = newPostbackHost;
        updatedAt = at;
    }

    /**
     * Whether an event that happened {@code at} is posted back: the partner had a postback URL then (compared to the
     * millisecond the event store keeps, like a webhook endpoint's {@code enabledSince}).
     */
    boolean postsBackEventOf(Instant at) {
        return postbackUrlRef != null && !at.isBefore(postbackSince.truncatedTo(ChronoUnit.MILLIS));
    }

    String postbackUrlRef() {
        return postbackUrlRef;
    }

    PartnerSummary summary() {
        return new PartnerSummary(id, name, slug, email, status, postbackHost, mode, createdAt, updatedAt);
    }

    Position position() {
        return new Position(createdAt, id);
    }
}
