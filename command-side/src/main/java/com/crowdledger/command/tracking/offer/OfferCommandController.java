package com.crowdledger.command.tracking.offer;

import com.crowdledger.queries.offer.FindOfferQuery;
import com.crowdledger.queries.offer.OfferSummary;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.tracking.OfferStatus;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Objects;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Create and change offers, and rotate their postback secrets, in the mode of the caller's key. */
@RestController
@RequestMapping("/v1/offers")
@Authenticated(scope = Scope.TRACKING)
class OfferCommandController {
    static final String DEFAULT_CURRENCY = "USD";
    static final int DEFAULT_HOLD_DAYS = 30;
    static final int DEFAULT_ATTRIBUTION_WINDOW_DAYS = 30;

    private final CommandGateway commands;
    private final QueryGateway queries;

    OfferCommandController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record CreateOffer(
            @NotNull String name,
            @NotNull String slug,
            @NotNull String destinationUrl,
            @NotNull BigDecimal defaultRevenue,
            @NotNull BigDecimal defaultPayout,
            @Nullable String currency,
            @Nullable Integer holdDays,
            @Nullable Integer attributionWindowDays) {
    }

    record ChangeOffer(
            @Nullable String name,
            @Nullable String destinationUrl,
            @Nullable BigDecimal defaultRevenue,
            @Nullable BigDecimal defaultPayout,
            @Nullable Integer holdDays,
            @Nullable Integer attributionWindowDays,
            @Nullable OfferStatus status) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Errors(ErrorCode.CONFLICT) // the slug is taken
    OfferWithSecret create(Caller caller, @Valid @RequestBody CreateOffer request) {
        String offerId = Ids.next(Ids.OFFER);
        String secret = OfferSecrets.generate();
        Tenant tenant = Tenant.of(caller);
        commands.sendAndWait(new CreateOfferCommand(offerId, tenant, caller.mode(), request.name(), request.slug(),
                request.destinationUrl(), request.defaultRevenue(), request.defaultPayout(),
                Objects.requireNonNullElse(request.currency(), DEFAULT_CURRENCY),
                Objects.requireNonNullElse(request.holdDays(), DEFAULT_HOLD_DAYS),
                Objects.requireNonNullElse(request.attributionWindowDays(), DEFAULT_ATTRIBUTION_WINDOW_DAYS),
                OfferSecrets.hash(secret)));
        return OfferWithSecret.of(summary(offerId, tenant), secret);
    }

    @PatchMapping("/{id}")
    OfferSummary change(Caller caller, @PathVariable String id, @Valid @RequestBody ChangeOffer request) {
        Tenant tenant = Tenant.of(caller);
        commands.sendAndWait(new ChangeOfferCommand(requireOfferId(id), tenant, request.name(),
                request.destinationUrl(), request.defaultRevenue(), request.defaultPayout(), request.holdDays(),
                request.attributionWindowDays(), request.status()));
        return summary(id, tenant);
    }

    /** A new postback secret, shown this once; the previous one keeps working for 24 hours. */
    @PostMapping("/{id}/rotate-secret")
    OfferWithSecret rotateSecret(Caller caller, @PathVariable String id) {
        Tenant tenant = Tenant.of(caller);
        String secret = OfferSecrets.generate();
        commands.sendAndWait(new RotateOfferSecretCommand(requireOfferId(id), tenant, OfferSecrets.hash(secret)));
        return OfferWithSecret.of(summary(id, tenant), secret);
    }

    /** The offer as the read model now shows it (its projection commits with the command). */
    private OfferSummary summary(String offerId, Tenant tenant) {
        return queries.query(new FindOfferQuery(offerId, tenant), ResponseTypes.optionalInstanceOf(OfferSummary.class))
                .join().orElseThrow(() -> DomainException.notFound("Offer"));
    }

    private static String requireOfferId(String id) {
        if (!Ids.hasPrefix(id, Ids.OFFER)) {
            throw DomainException.notFound("Offer");
        }
        return id;
    }
}
