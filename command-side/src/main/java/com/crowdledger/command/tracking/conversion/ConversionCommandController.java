package com.crowdledger.command.tracking.conversion;

import com.crowdledger.queries.conversion.ConversionSummary;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.tracking.ConversionStatus;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.Tenant;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Server-side postbacks with an API key ({@code POST /v1/conversions}, the seed's call) and the account's decisions
 * on a conversion ({@code PATCH /v1/conversions/:id}: approve, reject, reverse; {@code POST
 * /v1/conversions/:id/payout}: its payout was paid).
 */
@RestController
@RequestMapping("/v1/conversions")
@Authenticated(scope = Scope.TRACKING)
class ConversionCommandController {
    private final CommandGateway commands;

    ConversionCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    /** {@code status}: approved, rejected or reversed; {@code reason} is kept with a rejection or reversal. */
    record ChangeConversion(@NotNull ConversionStatus status, @Nullable String reason) {
    }

    /** {@code payoutReference} names the payment that paid the partner (a transfer, a payout batch). */
    record RecordPayout(@NotNull String payoutReference) {
    }

    @PostMapping
    @ApiResponse(responseCode = "201", description = "A new conversion",
            content = @Content(schema = @Schema(implementation = ConversionSummary.class)))
    @ApiResponse(responseCode = "200", description = "The offer has seen this txn_id: nothing changed, and id is "
            + "the conversion it recorded", content = @Content(schema = @Schema(implementation = DuplicateConversion.class)))
    @Errors(ErrorCode.CLICK_EXPIRED)
    ResponseEntity<Object> record(Caller caller, @RequestBody ConversionPostback postback) {
        RecordedConversion recorded = commands.sendAndWait(postback.toCommand(Tenant.of(caller), null));
        return recorded.toResponse();
    }

    @PatchMapping("/{id}")
    @Errors(ErrorCode.CONFLICT) // the conversion's status does not allow it
    ConversionSummary change(Caller caller, @PathVariable String id, @Valid @RequestBody ChangeConversion request) {
        if (!Ids.hasPrefix(id, Ids.CONVERSION)) {
            throw DomainException.notFound("Conversion");
        }
        return commands.sendAndWait(new ChangeConversionStatusCommand(id, Tenant.of(caller), request.status(),
                request.reason()));
    }

    @PostMapping("/{id}/payout")
    @Errors(ErrorCode.CONFLICT) // only an approved conversion is paid, once
    ConversionSummary recordPayout(Caller caller, @PathVariable String id, @Valid @RequestBody RecordPayout request) {
        if (!Ids.hasPrefix(id, Ids.CONVERSION)) {
            throw DomainException.notFound("Conversion");
        }
        return commands.sendAndWait(new RecordConversionPayoutCommand(id, Tenant.of(caller),
                request.payoutReference()));
    }
}
