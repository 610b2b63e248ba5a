package com.crowdledger.command.webhook;

import com.crowdledger.events.webhook.WebhookEndpointStatus;
import com.crowdledger.queries.webhook.WebhookEndpointSummary;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.net.SsrfGuard;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
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

/**
 * Register, change, delete webhook endpoints and rotate their secrets, with a key holding scope {@code webhooks}. An
 * endpoint belongs to the key's mode: a test key's endpoints get test events only.
 */
@RestController
@RequestMapping("/v1/webhooks")
@Authenticated(scope = Scope.WEBHOOKS)
class WebhookEndpointCommandController {
    private final WebhookEndpointCommands endpoints;

    WebhookEndpointCommandController(WebhookEndpointCommands endpoints) {
        this.endpoints = endpoints;
    }

    record CreateWebhookEndpointRequest(
            @NotNull @Size(max = SsrfGuard.MAX_URL_LENGTH) String url,
            @NotNull @Size(min = 1, max = 50) List<@NotNull @Size(max = 100) String> eventTypes,
            @Nullable @Size(max = WebhookEndpoint.MAX_DESCRIPTION_LENGTH) String description) {
    }

    /** Every field is optional; {@code description: ""} removes the description. */
    record ChangeWebhookEndpointRequest(
            @Nullable @Size(max = SsrfGuard.MAX_URL_LENGTH) String url,
            @Nullable @Size(min = 1, max = 50) List<@NotNull @Size(max = 100) String> eventTypes,
            @Nullable @Size(max = WebhookEndpoint.MAX_DESCRIPTION_LENGTH) String description,
            @Nullable WebhookEndpointStatus status) {
    }

    /** Registers an endpoint; the answer carries its signing secret, shown this once. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Errors(ErrorCode.CONFLICT) // the account has as many endpoints as it may
    CreatedWebhookEndpoint create(Caller caller, @Valid @RequestBody CreateWebhookEndpointRequest request) {
        return endpoints.create(caller, request.url(),
                request.eventTypes(), request.description());
    }

    /** Changes the URL, the event types, the description, or enables or disables the endpoint. */
    @PatchMapping("/{id}")
    WebhookEndpointSummary change(Caller caller, @PathVariable String id,
                                  @Valid @RequestBody ChangeWebhookEndpointRequest request) {
        return endpoints.change(caller, id, request.url(), request.eventTypes(),
                request.description(), request.status());
    }

    /** Deletes the endpoint: nothing more is delivered to it. */
    @DeleteMapping("/{id}")
    DeletedWebhookEndpoint delete(Caller caller, @PathVariable String id) {
        return endpoints.delete(Tenant.of(caller), id);
    }

    /**
     * A new signing secret, shown this once. For 24 hours every delivery carries two signatures, with the new secret
     * and with the previous one, so receivers switch over without missing a delivery.
     */
    @PostMapping("/{id}/rotate-secret")
    RotatedWebhookSecret rotateSecret(Caller caller, @PathVariable String id) {
        return endpoints.rotateSecret(Tenant.of(caller), id);
    }
}
