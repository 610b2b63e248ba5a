package com.crowdledger.command.tracking.offer;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.command.tracking.TrackingClock;
import com.crowdledger.command.tracking.TrackingValues;
import com.crowdledger.events.offer.OfferChangedEvent;
import com.crowdledger.events.offer.OfferCreatedEvent;
import com.crowdledger.events.offer.OfferSecretRotatedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.tracking.OfferStatus;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An offer of an advertiser: where its clicks go, what a conversion earns and pays, how long conversions are held
 * and for how long after a click they count. Its slug is unique within its account and mode.
 */
@Aggregate
class Offer {
    static final int MAX_HOLD_DAYS = 365;
    static final int MAX_WINDOW_DAYS = 365;
    /** How long a rotated-out postback secret keeps working, so the advertiser can switch without losses. */
    static final Duration SECRET_GRACE = Duration.ofHours(24);

    @AggregateIdentifier
    private String offerId;
    private String accountId;
    private Mode mode;
    private String name;
    private String destinationUrl;
    private Money defaultRevenue;
    private Money defaultPayout;
    private int holdDays;
    private int attributionWindowDays;
    private OfferStatus status;
    private String secretHash;

    Offer() {
        // for Axon
    }

    @CommandHandler
    Offer(CreateOfferCommand command, OfferLookup lookup) {
        if (!command.tenant().modes().contains(command.mode())) {
            throw DomainException.forbidden("A " + command.tenant().singleMode().wireName() + " key can only create "
                    + command.tenant().singleMode().wireName() + " offers");
        }
        String currency = TrackingValues.currency("currency", command.currency());
        String name = TrackingValues.name("name", command.name());
        String slug = TrackingValues.slug("slug", command.slug());
        String destination = Destinations.require(command.destinationUrl());
        Money revenue = TrackingValues.money("defaultRevenue", command.defaultRevenue(), currency);
        Money payout = TrackingValues.money("defaultPayout", command.defaultPayout(), currency);
        int hold = TrackingValues.days("holdDays", command.holdDays(), 0, MAX_HOLD_DAYS);
        int window = TrackingValues.days("attributionWindowDays", command.attributionWindowDays(), 1,
                MAX_WINDOW_DAYS);
        String accountId = command.tenant().accountId();
        if (lookup.slugTaken(accountId, command.mode(), slug)) {
            throw DomainException.conflict("An offer with the slug " + slug + " already exists");
        }
        apply(new OfferCreatedEvent(command.offerId(), accountId, command.mode(), name, slug, destination, revenue,
                payout, hold, window, OfferStatus.ACTIVE, command.secretHash(), TrackingClock.now()));
    }

    @CommandHandler
    void handle(ChangeOfferCommand command) {
        requireOwnedBy(command.tenant());
        String newName = command.name() == null ? name : TrackingValues.name("name", command.name());
        String newDestination = command.destinationUrl() == null ? destinationUrl
                : Destinations.require(command.destinationUrl());
        Money newRevenue = changedMoney("defaultRevenue", command.defaultRevenue(), defaultRevenue);
        Money newPayout = changedMoney("defaultPayout", command.defaultPayout(), defaultPayout);
        int newHold = command.holdDays() == null ? holdDays
                : TrackingValues.days("holdDays", command.holdDays(), 0, MAX_HOLD_DAYS);
        int newWindow = command.attributionWindowDays() == null ? attributionWindowDays
                : TrackingValues.days("attributionWindowDays", command.attributionWindowDays(), 1, MAX_WINDOW_DAYS);
        OfferStatus newStatus = Objects.requireNonNullElse(command.status(), status);
        if (newName.equals(name) && newDestination.equals(destinationUrl) && newRevenue.equals(defaultRevenue)
                && newPayout.equals(defaultPayout) && newHold == holdDays && newWindow == attributionWindowDays
                && newStatus == status) {
            return; // nothing changes, nothing to record
        }
        apply(new OfferChangedEvent(offerId, accountId, mode, newName, newDestination, newRevenue, newPayout, newHold,
                newWindow, newStatus, TrackingClock.now()));
    }

    @CommandHandler
    void handle(RotateOfferSecretCommand command) {
        requireOwnedBy(command.tenant());
        Instant now = TrackingClock.now();
        apply(new OfferSecretRotatedEvent(offerId, accountId, mode, command.secretHash(), secretHash,
                now.plus(SECRET_GRACE), now));
    }

    @EventSourcingHandler
    void on(OfferCreatedEvent event) {
        offerId = event.offerId();
        accountId = event.accountId();
        mode = event.mode();
        name = event.name();
        destinationUrl = event.destinationUrl();
        defaultRevenue = event.defaultRevenue();
        defaultPayout = event.defaultPayout();
        holdDays = event.holdDays();
        attributionWindowDays = event.attributionWindowDays();
        status = event.status();
        secretHash = event.secretHash();
    }

    @EventSourcingHandler
    void on(OfferChangedEvent event) {
        name = event.name();
        destinationUrl = event.destinationUrl();
        defaultRevenue = event.defaultRevenue();
        defaultPayout = event.defaultPayout();
        holdDays = event.holdDays();
        attributionWindowDays = event.attributionWindowDays();
        status = event.status();
    }

    @EventSourcingHandler
    void on(OfferSecretRotatedEvent event) {
        secretHash = event.secretHash();
    }

    /** Another account's offer, or one of the other mode, does not exist for this caller. */
    private void requireOwnedBy(Tenant tenant) {
        if (!tenant.owns(accountId, mode)) {
            throw DomainException.notFound("Offer");
        }
    }

    private static Money changedMoney(String field, BigDecimal amount, Money current) {
        return amount == null ? current : TrackingValues.money(field, amount, current.currency());
    }

}
