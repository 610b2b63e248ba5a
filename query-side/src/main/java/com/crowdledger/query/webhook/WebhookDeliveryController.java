package com.crowdledger.query.webhook;

import com.crowdledger.query.delivery.DeliveryStatus;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log of the caller's endpoints, retries, and test deliveries. */
@RestController
@RequestMapping("/v1/webhooks")
@Authenticated(scope = Scope.WEBHOOKS)
class WebhookDeliveryController {
    private final WebhookDeliveryLog log;

    WebhookDeliveryController(WebhookDeliveryLog log) {
        this.log = log;
    }

    /** The endpoint's deliveries, newest first, each with every attempt; {@code status} narrows them. */
    @GetMapping("/{id}/deliveries")
    ListPage<WebhookDeliveryLog.WebhookDelivery> deliveries(Caller caller, @PathVariable String id,
                                                            @RequestParam(required = false) DeliveryStatus status,
                                                            PageRequest page) {
        return log.list(Tenant.of(caller), id, status, page);
    }

    /** Sends the delivery again now, with the same {@code webhook-id}. */
    @PostMapping("/deliveries/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Errors(ErrorCode.CONFLICT) // the endpoint is disabled or deleted, or an attempt is under way
    WebhookDeliveryLog.WebhookDelivery retry(Caller caller, @PathVariable String id) {
        return log.retry(Tenant.of(caller), id);
    }

    /** Sends a {@code webhook.test} event to the endpoint now. */
    @PostMapping("/{id}/test")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Errors(ErrorCode.CONFLICT) // the endpoint is disabled
    WebhookDeliveryLog.WebhookDelivery test(Caller caller, @PathVariable String id) {
        return log.test(Tenant.of(caller), id);
    }
}
