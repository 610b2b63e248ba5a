package com.crowdledger.command.tracking.partner;

import com.crowdledger.command.tracking.partner.ChangePartnerCommand.PostbackUrlChange;
import com.crowdledger.queries.partner.FindPartnerQuery;
import com.crowdledger.queries.partner.PartnerSummary;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.tracking.PartnerStatus;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Add and change partners in the mode of the caller's key. An outbound postback URL is checked (known macros, where
 * it leads: {@link PostbackUrls}), sealed in the secret vault in the command's transaction, and never shown again:
 * only its host is.
 */
@RestController
@RequestMapping("/v1/partners")
@Authenticated(scope = Scope.TRACKING)
class PartnerCommandController {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final PostbackUrls postbackUrls;

    PartnerCommandController(CommandGateway commands, QueryGateway queries, PostbackUrls postbackUrls) {
        this.commands = commands;
        this.queries = queries;
        this.postbackUrls = postbackUrls;
    }

    record CreatePartner(
            @NotNull String name,
            @NotNull String slug,
            @Nullable @Email @Size(max = 254) String email,
            @Nullable String postbackUrl) {
    }

    /** {@code email} or {@code postbackUrl} empty ({@code ""}) removes it. */
    record ChangePartner(
            @Nullable String name,
            @Nullable @Email @Size(max = 254) String email,
            @Nullable PartnerStatus status,
            @Nullable String postbackUrl) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Errors(ErrorCode.CONFLICT) // the slug is taken
    @Transactional
    PartnerSummary create(Caller caller, @Valid @RequestBody CreatePartner request) {
        String partnerId = Ids.next(Ids.PARTNER);
        Tenant tenant = Tenant.of(caller);
        PostbackUrlChange postback = request.postbackUrl() == null || request.postbackUrl().isEmpty()
                ? PostbackUrlChange.REMOVE : postbackUrls.seal(request.postbackUrl());
        commands.sendAndWait(new CreatePartnerCommand(partnerId, tenant, caller.mode(), request.name(),
                request.slug(), request.email(), postback.ref(), postback.host()));
        return summary(partnerId, tenant);
    }

    @PatchMapping("/{id}")
    @Transactional
    PartnerSummary change(Caller caller, @PathVariable String id, @Valid @RequestBody ChangePartner request) {
        if (!Ids.hasPrefix(id, Ids.PARTNER)) {
            throw DomainException.notFound("Partner");
        }
        Tenant tenant = Tenant.of(caller);
        PostbackUrlChange postback = request.postbackUrl() == null ? null
                : request.postbackUrl().isEmpty() ? PostbackUrlChange.REMOVE : postbackUrls.seal(request.postbackUrl());
        commands.sendAndWait(new ChangePartnerCommand(id, tenant, request.name(), request.email(), request.status(),
                postback));
        return summary(id, tenant);
    }

    /** The partner as the read model now shows it (its projection commits with the command). */
    private PartnerSummary summary(String partnerId, Tenant tenant) {
        return queries.query(new FindPartnerQuery(partnerId, tenant),
                        ResponseTypes.optionalInstanceOf(PartnerSummary.class))
                .join().orElseThrow(() -> DomainException.notFound("Partner"));
    }
}
