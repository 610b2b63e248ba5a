package com.crowdledger.command.bug;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.command.campaign.CampaignLookup;
import com.crowdledger.command.campaign.CampaignLookup.CampaignFacts;
import com.crowdledger.events.bug.BugAcceptedEvent;
import com.crowdledger.events.bug.BugFixedEvent;
import com.crowdledger.events.bug.BugRejectedEvent;
import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.BugSubmittedEvent;
import com.crowdledger.events.bug.BugTriagedEvent;
import com.crowdledger.events.bug.BugVerifiedEvent;
import com.crowdledger.events.bug.Resolution;
import com.crowdledger.events.campaign.CampaignStatus;
import com.crowdledger.events.earning.EarningSource;
import com.crowdledger.events.earning.EarningStatus;
import com.crowdledger.events.earning.TesterEarningRecordedEvent;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A bug report in a campaign. It belongs to the campaign's owner, who moves it through its lifecycle
 * ({@code new → triaged → accepted | rejected}, {@code accepted → fixed → verified}); its tester is a second party.
 * Accepting it records the tester's earning in the same command, once: commands on one bug take turns, and asking
 * for the status a bug already has changes nothing.
 */
@Aggregate
class Bug {
    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_TEXT_LENGTH = 10_000;
    static final int MAX_DEVICE_LENGTH = 200;

    /** What each status may become, and from which status it is reached. */
    private static final Map<BugStatus, BugStatus> REACHED_FROM = Map.of(
            BugStatus.TRIAGED, BugStatus.NEW,
            BugStatus.ACCEPTED, BugStatus.TRIAGED,
            BugStatus.REJECTED, BugStatus.TRIAGED,
            BugStatus.FIXED, BugStatus.ACCEPTED,
            BugStatus.VERIFIED, BugStatus.FIXED);

    @AggregateIdentifier
    private String bugId;
    private String accountId;
    private Mode mode;
    private String campaignId;
    private String testerId;
    private String testerAccountId;
    private BugStatus status;
    private Resolution resolution;
    private String duplicateOf;

    Bug() {
        // for Axon
    }

    @CommandHandler
    Bug(SubmitBugCommand command, CampaignLookup campaigns) {
        Tenant tester = command.tester();
        // another mode's campaign, and a draft, do not exist for a tester
        CampaignFacts campaign = campaigns.find(command.campaignId(), tester.accountId())
                .filter(found -> tester.modes().contains(found.mode()) && found.status() != CampaignStatus.DRAFT)
                .orElseThrow(() -> DomainException.notFound("Campaign"));
        if (!campaign.joined()) {
            // a campaign the tester is not part of is not theirs to know of (SPEC §3: 404, never 403)
            throw DomainException.notFound("Campaign");
        }
        if (campaign.status() != CampaignStatus.ACTIVE) {
            throw DomainException.conflict("Cannot report bugs to a campaign that is " + campaign.status().wireName());
        }
        apply(new BugSubmittedEvent(command.bugId(), campaign.accountId(), campaign.mode(), command.campaignId(),
                campaign.testerId(), tester.accountId(), required("title", command.title(), MAX_TITLE_LENGTH),
                Objects.requireNonNull(command.severity(), "severity"),
                required("steps", command.steps(), MAX_TEXT_LENGTH),
                optional("expected", command.expected(), MAX_TEXT_LENGTH),
                optional("actual", command.actual(), MAX_TEXT_LENGTH),
                optional("device", command.device(), MAX_DEVICE_LENGTH), now()));
    }

    @CommandHandler
    void handle(ChangeBugCommand command, CampaignLookup campaigns, BugLookup bugs) {
        if (!command.owner().owns(accountId, mode)) {
            throw DomainException.notFound("Bug");
        }
        BugStatus target = command.status();
        if (target == null) {
            throw DomainException.invalid("status", "is required");
        }
        requireResolutionFits(command);
        if (target == status) {
            if (target == BugStatus.REJECTED && (command.resolution() != resolution
                    || !Objects.equals(command.duplicateOf(), duplicateOf))) {
                throw DomainException.conflict("The bug is already rejected as " + resolution.wireName());
            }
            return; // already there: a retried or concurrent request changes nothing, and earns nothing twice
        }
        if (REACHED_FROM.get(target) != status) {
            throw DomainException.conflict("Cannot move a bug that is " + status.wireName() + " to "
                    + target.wireName());
        }
        Instant now = now();
        switch (target) {
            case TRIAGED -> apply(new BugTriagedEvent(bugId, accountId, mode, campaignId, testerId, now));
            case ACCEPTED -> accept(command.earningId(), campaigns, now);
            case REJECTED -> {
                requireOriginal(command.duplicateOf(), bugs);
                apply(new BugRejectedEvent(bugId, accountId, mode, campaignId, testerId, command.resolution(),
                        command.duplicateOf(), now));
            }
            case FIXED -> apply(new BugFixedEvent(bugId, accountId, mode, campaignId, now));
            case VERIFIED -> apply(new BugVerifiedEvent(bugId, accountId, mode, campaignId, now));
            case NEW -> throw new IllegalStateException("no status leads back to new");
        }
    }

    /**
     * The acceptance and the earning it gives are applied together, in this command's transaction: whatever vetoes
     * the earning (billing's charge, issue 10) vetoes the acceptance too.
     */
    private void accept(String earningId, CampaignLookup campaigns, Instant now) {
        if (!Ids.hasPrefix(earningId, Ids.EARNING)) {
            throw new IllegalArgumentException("An earning id starts with " + Ids.EARNING);
        }
        CampaignFacts campaign = campaigns.find(campaignId, testerAccountId)
                .orElseThrow(() -> new IllegalStateException("Campaign " + campaignId + " of bug " + bugId
                        + " is missing from the campaign lookup"));
        apply(new BugAcceptedEvent(bugId, accountId, mode, campaignId, testerId, now));
        apply(new TesterEarningRecordedEvent(earningId, accountId, mode, testerAccountId,
                EarningSource.bug(bugId, campaignId), campaign.rewardPerBug(), EarningStatus.PENDING, now));
    }

    @EventSourcingHandler
    void on(BugSubmittedEvent event) {
        bugId = event.bugId();
        accountId = event.accountId();
        mode = event.mode();
        campaignId = event.campaignId();
        testerId = event.testerId();
        testerAccountId = event.testerAccountId();
        status = BugStatus.NEW;
    }

    @EventSourcingHandler
    void on(BugTriagedEvent event) {
        status = BugStatus.TRIAGED;
    }

    @EventSourcingHandler
    void on(BugAcceptedEvent event) {
        status = BugStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(BugRejectedEvent event) {
        status = BugStatus.REJECTED;
        resolution = event.resolution();
        duplicateOf = event.duplicateOf();
    }

    @EventSourcingHandler
    void on(BugFixedEvent event) {
        status = BugStatus.FIXED;
    }

    @EventSourcingHandler
    void on(BugVerifiedEvent event) {
        status = BugStatus.VERIFIED;
    }

    /** A resolution goes with a rejection only, and a duplicate (only) names its original. */
    private static void requireResolutionFits(ChangeBugCommand command) {
        boolean rejecting = command.status() == BugStatus.REJECTED;
        if (rejecting && command.resolution() == null) {
            throw DomainException.invalid("resolution", "is required to reject a bug");
        }
        if (!rejecting && command.resolution() != null) {
            throw DomainException.invalid("resolution", "is only given with status rejected");
        }
        boolean duplicate = command.resolution() == Resolution.DUPLICATE;
        if (duplicate && command.duplicateOf() == null) {
            throw DomainException.invalid("duplicateOf", "names the original bug of a duplicate");
        }
        if (!duplicate && command.duplicateOf() != null) {
            throw DomainException.invalid("duplicateOf", "is only given with resolution duplicate");
        }
    }

    /** The original a duplicate names: another bug of the campaign, not itself a duplicate (so no cycle can form). */
    private void requireOriginal(String original, BugLookup bugs) {
        if (original == null) {
            return;
        }
        if (original.equals(bugId)) {
            throw DomainException.invalid("duplicateOf", "a bug cannot duplicate itself");
        }
        bugs.lockDuplicates(campaignId);
        BugLookup.Reported named = Optional.of(original).filter(id -> Ids.hasPrefix(id, Ids.BUG)).flatMap(bugs::find)
                .filter(reported -> reported.campaignId().equals(campaignId))
                .orElseThrow(() -> DomainException.invalid("duplicateOf", "must name a bug of the same campaign"));
        if (named.duplicateOf() != null) {
            throw DomainException.invalid("duplicateOf", "names a duplicate of " + named.duplicateOf()
                    + "; name the original");
        }
    }

    private static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank() || value.strip().length() > maxLength) {
            throw DomainException.invalid(field, "must be 1 to " + maxLength + " characters");
        }
        return value.strip();
    }

    /** Optional text: blank means none. */
    private static String optional(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : required(field, value, maxLength);
    }

    /** Microseconds, as PostgreSQL keeps them: a read model's day or keyset is the event's own. */
    private static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
