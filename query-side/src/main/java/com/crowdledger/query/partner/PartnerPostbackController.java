package com.crowdledger.query.partner;

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

/**
 * The postbacks sent to the caller's partners (their outbound postback URLs), beside the partners themselves: a
 * partner's list, as a webhook endpoint has its deliveries, and a retry.
 */
@RestController
@RequestMapping("/v1/partners")
@Authenticated(scope = Scope.TRACKING)
class PartnerPostbackController {
    private final PartnerPostbacks postbacks;

    PartnerPostbackController(PartnerPostbacks postbacks) {
        this.postbacks = postbacks;
    }

    /** The partner's postbacks, newest first, each with every attempt; {@code status} narrows them. */
    @GetMapping("/{id}/postbacks")
    ListPage<PartnerPostbacks.PartnerPostback> postbacks(Caller caller, @PathVariable String id,
                                                        @RequestParam(required = false) DeliveryStatus status,
                                                        PageRequest page) {
        return postbacks.list(Tenant.of(caller), id, status, page);
    }

    /** Sends the postback again now. */
    @PostMapping("/postbacks/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Errors(ErrorCode.CONFLICT) // the partner has no postback URL, or an attempt is under way
    PartnerPostbacks.PartnerPostback retry(Caller caller, @PathVariable String id) {
        return postbacks.retry(Tenant.of(caller), id);
    }
}
