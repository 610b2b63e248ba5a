package com.crowdledger.command.apikey;

import com.crowdledger.queries.apikey.ApiKeySummary;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.DateParameter;
import com.crowdledger.shared.web.Errors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Issue, change and revoke keys, by dashboard session or by a key with scope {@code keys}. */
@RestController
@RequestMapping("/v1/auth/api-keys")
@Authenticated(scope = Scope.KEYS, dashboard = true)
@Errors(ErrorCode.CONFLICT) // the key is revoked or was changed at the same moment; too many active keys
class ApiKeyCommandController {
    private final ApiKeyIssuing issuing;
    private final CommandGateway commands;

    ApiKeyCommandController(ApiKeyIssuing issuing, CommandGateway commands) {
        this.issuing = issuing;
        this.commands = commands;
    }

    record IssueRequest(@NotNull String name, @NotNull Set<Scope> scopes, @Nullable Mode mode,
                        @Nullable Instant expiresAt) {
    }

    record ChangeRequest(@Nullable String name, @Nullable @Size(min = 1) Set<Scope> scopes) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    IssuedApiKey issue(Caller caller, @Valid @RequestBody IssueRequest request) {
        Mode mode = request.mode() != null ? request.mode() : caller.mode() != null ? caller.mode() : Mode.LIVE;
        // to the microsecond PostgreSQL keeps: a finer instant would be stored rounded, possibly later than asked
        // (past the issuer's own expiry, or past year 9999, where the stored key could not be read back)
        Instant expiresAt = request.expiresAt() == null ? null
                : DateParameter.requireWithinBounds("expiresAt", request.expiresAt()).truncatedTo(ChronoUnit.MICROS);
        return issuing.issue(KeyAuthority.of(caller), mode, request.name(), request.scopes(), expiresAt);
    }

    @PatchMapping("/{id}")
    ApiKeySummary change(Caller caller, @PathVariable String id, @Valid @RequestBody ChangeRequest request) {
        requireKeyId(id);
        KeyAuthority authority = KeyAuthority.of(caller);
        commands.sendAndWait(new ChangeApiKeyCommand(id, authority, request.name(), request.scopes()));
        return issuing.summary(id, authority);
    }

    @DeleteMapping("/{id}")
    ApiKeySummary revoke(Caller caller, @PathVariable String id) {
        requireKeyId(id);
        KeyAuthority authority = KeyAuthority.of(caller);
        commands.sendAndWait(new RevokeApiKeyCommand(id, authority));
        return issuing.summary(id, authority);
    }

    private static void requireKeyId(String id) {
        if (!Ids.hasPrefix(id, Ids.API_KEY)) {
            throw DomainException.notFound("API key");
        }
    }
}
