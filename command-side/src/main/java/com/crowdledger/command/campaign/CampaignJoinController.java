package com.crowdledger.command.campaign;

import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.Tenant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tester takes a place in an active campaign of its key's mode, up to testersRequired, once. */
@RestController
@RequestMapping("/v1/campaigns")
@Authenticated(scope = Scope.TESTER)
class CampaignJoinController {
    private final CampaignJoining joining;

    CampaignJoinController(CampaignJoining joining) {
        this.joining = joining;
    }

    @PostMapping("/{id}/join")
    @ResponseStatus(HttpStatus.CREATED)
    @Errors(ErrorCode.CONFLICT) // not active, full, or joined already
    CampaignMembership join(Caller caller, @PathVariable String id) {
        CampaignCommandController.requireCampaignId(id);
        return joining.join(Tenant.of(caller), id);
    }
}
