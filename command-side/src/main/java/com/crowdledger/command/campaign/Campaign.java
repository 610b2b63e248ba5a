package com.crowdledger.command.campaign;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.events.campaign.CampaignCancelledEvent;
import com.crowdledger.events.campaign.CampaignChangedEvent;
import com.crowdledger.events.campaign.CampaignCompletedEvent;
import com.crowdledger.events.campaign.CampaignCreatedEvent;
import com.crowdledger.events.campaign.CampaignLaunchedEvent;
import com.crowdledger.events.campaign.CampaignPausedEvent;
import com.crowdledger.events.campaign.CampaignResumedEvent;
import com.crowdledger.events.campaign.CampaignStatus;
import com.crowdledger.events.campaign.TesterJoinedCampaignEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.error.FieldIssue;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A crowdtesting campaign: its owner's account and mode, what it pays per accepted bug, its lifecycle, and who took
 * its places. Only a draft is freely editable; once live, only the description changes and places can be added.
 * Commands on one campaign take turns (the aggregate is locked per command), which is what keeps a full campaign
 * full when testers race for its last places.
 */
@Aggregate
class Campaign {
    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_DESCRIPTION_LENGTH = 5000;
    static final int MIN_TESTERS = 1;
    static final int MAX_TESTERS = 1000;
    static final String MAX_REWARD = "100000";
    static final String DEFAULT_CURRENCY = "USD";

    @AggregateIdentifier
    private String campaignId;
    private String accountId;
    private Mode mode;
    private String name;
    private Platform platform;
    private int testersRequired;
    private Money rewardPerBug;
    private String description;
    private CampaignStatus status;
    private final Set<String> testerIds = new HashSet<>();

    Campaign() {
        // for Axon
    }

    @CommandHandler
    Campaign(CreateCampaignCommand command) {
        Mode ownerMode = requireSingleMode(command.owner());
        apply(new CampaignCreatedEvent(command.campaignId(), command.owner().accountId(), ownerMode,
                validName(command.name()), Objects.requireNonNull(command.platform(), "platform"),
                validTestersRequired(command.testersRequired()), validReward(command.rewardPerBug()),
                validDescription(command.description()), now()));
    }

    @CommandHandler
    void handle(ChangeCampaignCommand command) {
        requireOwnedBy(command.owner());
        String newName = command.name() == null ? name : validName(command.name());
        Platform newPlatform = command.platform() == null ? platform : command.platform();
        int newTestersRequired = command.testersRequired() == null ? testersRequired
                : validTestersRequired(command.testersRequired());
        Money newReward = validReward(rewardOf(command.rewardPerBug(), command.currency()));
        String newDescription = command.description() == null ? description : validDescription(command.description());

        if (status != CampaignStatus.DRAFT) {
            requireEditableOnceLive(newName, newPlatform, newTestersRequired, newReward);
        }
        if (newName.equals(name) && newPlatform == platform && newTestersRequired == testersRequired
                && newReward.equals(rewardPerBug) && Objects.equals(newDescription, description)) {
            return; // nothing changes, nothing to record
        }
        apply(new CampaignChangedEvent(campaignId, accountId, mode, newName, newPlatform, newTestersRequired,
                newReward, newDescription, now()));
    }

    @CommandHandler
    void handle(MoveCampaignCommand command) {
        requireOwnedBy(command.owner());
        CampaignTransition transition = command.transition();
        if (!transition.allowedFrom(status)) {
            throw DomainException.conflict("Cannot " + transition.verb() + " a campaign that is "
                    + status.wireName());
        }
        Instant now = now();
        apply(switch (transition) {
            case LAUNCH -> new CampaignLaunchedEvent(campaignId, accountId, mode, now);
            case PAUSE -> new CampaignPausedEvent(campaignId, accountId, mode, now);
            case RESUME -> new CampaignResumedEvent(campaignId, accountId, mode, now);
            case COMPLETE -> new CampaignCompletedEvent(campaignId, accountId, mode, now);
            case CANCEL -> new CampaignCancelledEvent(campaignId, accountId, mode, now);
        });
    }

    /**
     * @return when the tester joined
     */
    @CommandHandler
    Instant handle(JoinCampaignCommand command) {
        Tenant tester = command.tester();
        // a tester sees campaigns of its key's mode only, and never a draft: both do not exist for it
        if (!tester.modes().contains(mode) || status == CampaignStatus.DRAFT) {
            throw DomainException.notFound("Campaign");
        }
        if (status != CampaignStatus.ACTIVE) {
            throw DomainException.conflict("Cannot join a campaign that is " + status.wireName());
        }
        if (testerIds.contains(command.testerId())) {
            throw DomainException.conflict("This tester has already joined the campaign");
        }
        if (testerIds.size() >= testersRequired) {
            throw DomainException.conflict("The campaign has no free places (" + testersRequired + " of "
                    + testersRequired + " taken)");
        }
        Instant now = now();
        apply(new TesterJoinedCampaignEvent(campaignId, accountId, mode, command.testerId(), tester.accountId(),
                now));
        return now;
    }

    @EventSourcingHandler
    void on(CampaignCreatedEvent event) {
        campaignId = event.campaignId();
        accountId = event.accountId();
        mode = event.mode();
        name = event.name();
        platform = event.platform();
        testersRequired = event.testersRequired();
        rewardPerBug = event.rewardPerBug();
        description = event.description();
        status = CampaignStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(CampaignChangedEvent event) {
        name = event.name();
        platform = event.platform();
        testersRequired = event.testersRequired();
        rewardPerBug = event.rewardPerBug();
        description = event.description();
    }

    @EventSourcingHandler
    void on(CampaignLaunchedEvent event) {
        status = CampaignStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(CampaignPausedEvent event) {
        status = CampaignStatus.PAUSED;
    }

    @EventSourcingHandler
    void on(CampaignResumedEvent event) {
        status = CampaignStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(CampaignCompletedEvent event) {
        status = CampaignStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(CampaignCancelledEvent event) {
        status = CampaignStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(TesterJoinedCampaignEvent event) {
        testerIds.add(event.testerId());
    }

    /** Another account's campaign, or one of the other mode, does not exist for the caller. */
    private void requireOwnedBy(Tenant owner) {
        if (!owner.owns(accountId, mode)) {
            throw DomainException.notFound("Campaign");
        }
    }

    /** Live, a campaign keeps its terms: testers joined on them. Its description may change and places be added. */
    private void requireEditableOnceLive(String newName, Platform newPlatform, int newTestersRequired,
                                         Money newReward) {
        String why = "The campaign is " + status.wireName() + ": only a draft can change ";
        if (status == CampaignStatus.COMPLETED || status == CampaignStatus.CANCELLED) {
            throw DomainException.conflict("The campaign is " + status.wireName() + " and can no longer change");
        }
        if (!newName.equals(name)) {
            throw conflictOn("name", why + "its name");
        }
        if (newPlatform != platform) {
            throw conflictOn("platform", why + "its platform");
        }
        if (!newReward.equals(rewardPerBug)) {
            throw conflictOn(rewardPerBug.currency().equals(newReward.currency()) ? "rewardPerBug" : "currency",
                    why + "its reward");
        }
        if (newTestersRequired < testersRequired) {
            throw conflictOn("testersRequired", why + "to fewer places; raise testersRequired, or keep it at "
                    + testersRequired);
        }
    }

    private Money rewardOf(BigDecimal amount, String currency) {
        if (amount == null && currency == null) {
            return rewardPerBug;
        }
        return money(amount == null ? rewardPerBug.amount() : amount,
                currency == null ? rewardPerBug.currency() : currency);
    }

    /** The reward of a request, or 422 naming the field at fault. */
    static Money money(BigDecimal amount, String currency) {
        try {
            Money.currencyOf(currency);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("currency", e.getMessage());
        }
        try {
            return new Money(amount, currency);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("rewardPerBug", e.getMessage());
        }
    }

    private static Mode requireSingleMode(Tenant owner) {
        Mode ownerMode = owner.singleMode();
        if (ownerMode == null) {
            throw new IllegalStateException("Campaigns are created with a key, which has one mode");
        }
        return ownerMode;
    }

    private static String validName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
            throw DomainException.invalid("name", "must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        return name.strip();
    }

    private static int validTestersRequired(int testersRequired) {
        if (testersRequired < MIN_TESTERS || testersRequired > MAX_TESTERS) {
            throw DomainException.invalid("testersRequired", "must be between " + MIN_TESTERS + " and "
                    + MAX_TESTERS);
        }
        return testersRequired;
    }

    private static Money validReward(Money reward) {
        if (reward.isNegative() || reward.isZero() || reward.amount().compareTo(new BigDecimal(MAX_REWARD)) > 0) {
            throw DomainException.invalid("rewardPerBug", "must be more than 0 and at most " + MAX_REWARD);
        }
        return reward;
    }

    /** A description is optional; blank means none. */
    private static String validDescription(String description) {
        if (description == null || description.isBlank()) {
            return null;
        }
        if (description.strip().length() > MAX_DESCRIPTION_LENGTH) {
            throw DomainException.invalid("description", "must be at most " + MAX_DESCRIPTION_LENGTH
                    + " characters");
        }
        return description.strip();
    }

    private static DomainException conflictOn(String field, String message) {
        return new DomainException(ErrorCode.CONFLICT, message, List.of(new FieldIssue(field, message)));
    }

    /** Microseconds, as PostgreSQL keeps them: a read model's day or keyset is the event's own. */
    private static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
