package com.crowdledger.command.tracking.partner;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.command.tracking.TrackingClock;
import com.crowdledger.command.tracking.TrackingValues;
import com.crowdledger.events.partner.PartnerChangedEvent;
import com.crowdledger.events.partner.PartnerCreatedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.tracking.PartnerStatus;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** A partner (an affiliate) of an account: sends traffic through tracking links. Its slug is unique per mode. */
@Aggregate
class Partner {
    @AggregateIdentifier
    private String partnerId;
    private String accountId;
    private Mode mode;
    private String name;
    private String email;
    private PartnerStatus status;
    private String postbackUrlRef;
    private String postbackHost;

    Partner() {
        // for Axon
    }

    @CommandHandler
    Partner(CreatePartnerCommand command, PartnerLookup lookup) {
        if (!command.tenant().modes().contains(command.mode())) {
            throw DomainException.forbidden("A key can only add partners of its own mode");
        }
        String name = TrackingValues.name("name", command.name());
        String slug = TrackingValues.slug("slug", command.slug());
        if (lookup.slugTaken(command.tenant().accountId(), command.mode(), slug)) {
            throw DomainException.conflict("A partner with the slug " + slug + " already exists");
        }
        apply(new PartnerCreatedEvent(command.partnerId(), command.tenant().accountId(), command.mode(), name, slug,
                emptyAsNone(command.email()), PartnerStatus.ACTIVE, command.postbackUrlRef(), command.postbackHost(),
                TrackingClock.now()));
    }

    @CommandHandler
    void handle(ChangePartnerCommand command) {
        if (!command.tenant().owns(accountId, mode)) {
            throw DomainException.notFound("Partner");
        }
        String newName = command.name() == null ? name : TrackingValues.name("name", command.name());
        String newEmail = command.email() == null ? email : emptyAsNone(command.email());
        PartnerStatus newStatus = Objects.requireNonNullElse(command.status(), status);
        String newRef = command.postbackUrl() == null ? postbackUrlRef : command.postbackUrl().ref();
        String newHost = command.postbackUrl() == null ? postbackHost : command.postbackUrl().host();
        if (newName.equals(name) && Objects.equals(newEmail, email) && newStatus == status
                && Objects.equals(newRef, postbackUrlRef)) {
            return; // nothing changes, nothing to record
        }
        apply(new PartnerChangedEvent(partnerId, accountId, mode, newName, newEmail, newStatus, newRef, newHost,
                TrackingClock.now()));
    }

    @EventSourcingHandler
    void on(PartnerCreatedEvent event) {
        partnerId = event.partnerId();
        accountId = event.accountId();
        mode = event.mode();
        name = event.name();
        email = event.email();
        status = event.status();
        postbackUrlRef = event.postbackUrlRef();
        postbackHost = event.postbackHost();
    }

    @EventSourcingHandler
    void on(PartnerChangedEvent event) {
        name = event.name();
        email = event.email();
        status = event.status();
        postbackUrlRef = event.postbackUrlRef();
        postbackHost = event.postbackHost();
    }

    private static String emptyAsNone(String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }

}
