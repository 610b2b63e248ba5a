package com.crowdledger.command.campaign;

import com.crowdledger.queries.campaign.CampaignView;
import com.crowdledger.queries.campaign.FindCampaignQuery;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
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

/** An owner creates, edits and moves its campaigns, in the mode of its key. */
@RestController
@RequestMapping("/v1/campaigns")
@Authenticated(scope = Scope.CAMPAIGNS)
class CampaignCommandController {
    private final CommandGateway commands;
    private final QueryGateway queries;

    CampaignCommandController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * {@code rewardPerBug} is an exact decimal (a JSON number or string, never rounded) in {@code currency}, an
     * ISO 4217 code (default USD), with no more decimals than the currency has.
     */
    record CreateCampaign(
            @NotBlank @Size(max = Campaign.MAX_NAME_LENGTH) String name,
            @NotNull Platform platform,
            @NotNull @Min(Campaign.MIN_TESTERS) @Max(Campaign.MAX_TESTERS) Integer testersRequired,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(Campaign.MAX_REWARD)
            @Digits(integer = 6, fraction = 4) BigDecimal rewardPerBug,
            @Nullable @Size(min = 3, max = 3) String currency,
            @Nullable @Size(max = Campaign.MAX_DESCRIPTION_LENGTH) String description) {
    }

    /** Fields left out stay as they are. Once launched, only the description and a higher testersRequired. */
    record ChangeCampaign(
            @Nullable @Size(min = 1, max = Campaign.MAX_NAME_LENGTH) String name,
            @Nullable Platform platform,
            @Nullable @Min(Campaign.MIN_TESTERS) @Max(Campaign.MAX_TESTERS) Integer testersRequired,
            @Nullable @DecimalMin(value = "0", inclusive = false) @DecimalMax(Campaign.MAX_REWARD)
            @Digits(integer = 6, fraction = 4) BigDecimal rewardPerBug,
            @Nullable @Size(min = 3, max = 3) String currency,
            @Nullable @Size(max = Campaign.MAX_DESCRIPTION_LENGTH) String description) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CampaignView create(Caller caller, @Valid @RequestBody CreateCampaign request) {
        Tenant owner = Tenant.of(caller);
        String campaignId = Ids.next(Ids.CAMPAIGN);
        String currency = request.currency() == null ? Campaign.DEFAULT_CURRENCY : request.currency();
        commands.sendAndWait(new CreateCampaignCommand(campaignId, owner, request.name(), request.platform(),
                request.testersRequired(), Campaign.money(request.rewardPerBug(), currency), request.description()));
        return view(campaignId, owner);
    }

    @PatchMapping("/{id}")
    @Errors(ErrorCode.CONFLICT) // a field that cannot change in the campaign's status
    CampaignView change(Caller caller, @PathVariable String id, @Valid @RequestBody ChangeCampaign request) {
        Tenant owner = Tenant.of(caller);
        requireCampaignId(id);
        commands.sendAndWait(new ChangeCampaignCommand(id, owner, request.name(), request.platform(),
                request.testersRequired(), request.rewardPerBug(), request.currency(), request.description()));
        return view(id, owner);
    }

    @PostMapping("/{id}/launch")
    @Errors(ErrorCode.CONFLICT) // not a draft
    CampaignView launch(Caller caller, @PathVariable String id) {
        return move(caller, id, CampaignTransition.LAUNCH);
    }

    @PostMapping("/{id}/pause")
    @Errors(ErrorCode.CONFLICT) // not active
    CampaignView pause(Caller caller, @PathVariable String id) {
        return move(caller, id, CampaignTransition.PAUSE);
    }

    @PostMapping("/{id}/resume")
    @Errors(ErrorCode.CONFLICT) // not paused
    CampaignView resume(Caller caller, @PathVariable String id) {
        return move(caller, id, CampaignTransition.RESUME);
    }

    @PostMapping("/{id}/complete")
    @Errors(ErrorCode.CONFLICT) // not active
    CampaignView complete(Caller caller, @PathVariable String id) {
        return move(caller, id, CampaignTransition.COMPLETE);
    }

    @PostMapping("/{id}/cancel")
    @Errors(ErrorCode.CONFLICT) // already completed or cancelled
    CampaignView cancel(Caller caller, @PathVariable String id) {
        return move(caller, id, CampaignTransition.CANCEL);
    }

    private CampaignView move(Caller caller, String id, CampaignTransition transition) {
        Tenant owner = Tenant.of(caller);
        requireCampaignId(id);
        commands.sendAndWait(new MoveCampaignCommand(id, owner, transition));
        return view(id, owner);
    }

    private CampaignView view(String campaignId, Tenant owner) {
        return queries.query(new FindCampaignQuery(campaignId, owner), ResponseTypes.optionalInstanceOf(CampaignView.class))
                .join().orElseThrow(() -> DomainException.notFound("Campaign"));
    }

    static void requireCampaignId(String id) {
        if (!Ids.hasPrefix(id, Ids.CAMPAIGN)) {
            throw DomainException.notFound("Campaign");
        }
    }
}
