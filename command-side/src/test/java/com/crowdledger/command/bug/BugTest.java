package com.crowdledger.command.bug;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;

import com.crowdledger.command.campaign.CampaignLookup;
import com.crowdledger.events.bug.BugAcceptedEvent;
import com.crowdledger.events.bug.BugFixedEvent;
import com.crowdledger.events.bug.BugRejectedEvent;
import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.BugSubmittedEvent;
import com.crowdledger.events.bug.BugTriagedEvent;
import com.crowdledger.events.bug.BugVerifiedEvent;
import com.crowdledger.events.bug.Resolution;
import com.crowdledger.events.bug.Severity;
import com.crowdledger.events.campaign.CampaignStatus;
import com.crowdledger.events.earning.EarningSource;
import com.crowdledger.events.earning.EarningStatus;
import com.crowdledger.events.earning.TesterEarningRecordedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BugTest {
    private static final Instant SUBMITTED_AT = Instant.parse("2026-11-05T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-05T10:15:00Z");
    private static final String BUG_ID = "bug_crash";
    private static final String CAMPAIGN_ID = "camp_ios";
    private static final String OWNER_ID = "acct_owner";
    private static final String TESTER_ID = "tstr_ann";
    private static final String TESTER_ACCOUNT_ID = "acct_ann";
    private static final String EARNING_ID = "earn_1";
    private static final Tenant OWNER = new Tenant(OWNER_ID, EnumSet.of(Mode.LIVE));
    private static final Tenant TESTER = new Tenant(TESTER_ACCOUNT_ID, EnumSet.of(Mode.LIVE));
    private static final Money REWARD = Money.of("4.00", "USD");

    private final FakeCampaignLookup campaigns = new FakeCampaignLookup();
    private final FakeBugLookup bugs = new FakeBugLookup();
    private FixtureConfiguration<Bug> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Bug.class);
        fixture.registerInjectableResource(campaigns);
        fixture.registerInjectableResource(bugs);
        campaigns.status = CampaignStatus.ACTIVE;
        campaigns.members.put(TESTER_ACCOUNT_ID, TESTER_ID);
    }

    // --- submit -------------------------------------------------------------------------------------------

    @Test
    void memberReportsBugToActiveCampaign() {
        fixture.givenCurrentTime(NOW)
                .when(submit(TESTER, " App crashes on login ", "  1. Open  ", " ", null, "iPhone 15"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new BugSubmittedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, TESTER_ID,
                        TESTER_ACCOUNT_ID, "App crashes on login", Severity.CRITICAL, "1. Open", null, null,
                        "iPhone 15", NOW));
    }

    @Test
    void aTesterWhoDidNotJoinFindsNoCampaignToReportTo() {
        fixture.givenNoPriorActivity().when(submit(new Tenant("acct_stranger", EnumSet.of(Mode.LIVE)), "Crash", "Steps", null, null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void cannotReportToPausedCampaign() {
        campaigns.status = CampaignStatus.PAUSED;
        fixture.givenNoPriorActivity().when(submit(TESTER, "Crash", "Steps", null, null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT))
                .expectExceptionMessage("Cannot report bugs to a campaign that is paused");
    }

    @Test
    void cannotReportToCompletedCampaign() {
        campaigns.status = CampaignStatus.COMPLETED;
        fixture.givenNoPriorActivity().when(submit(TESTER, "Crash", "Steps", null, null, null))
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void draftCampaignIsNotFoundByTesters() {
        campaigns.status = CampaignStatus.DRAFT;
        fixture.givenNoPriorActivity().when(submit(TESTER, "Crash", "Steps", null, null, null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void campaignOfTheOtherModeIsNotFound() {
        fixture.givenNoPriorActivity().when(submit(new Tenant(TESTER_ACCOUNT_ID, EnumSet.of(Mode.TEST)), "Crash", "Steps", null, null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void unknownCampaignIsNotFound() {
        campaigns.exists = false;
        fixture.givenNoPriorActivity().when(submit(TESTER, "Crash", "Steps", null, null, null))
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void reportNeedsATitle() {
        fixture.givenNoPriorActivity().when(submit(TESTER, "  ", "Steps", null, null, null))
                .expectException(invalidField("title"));
    }

    @Test
    void reportNeedsSteps() {
        fixture.givenNoPriorActivity().when(submit(TESTER, "Crash", null, null, null, null))
                .expectException(invalidField("steps"));
    }

    @Test
    void reportTextHasAMaximum() {
        fixture.givenNoPriorActivity().when(submit(TESTER, "Crash", "Steps", "e".repeat(Bug.MAX_TEXT_LENGTH + 1), null, null))
                .expectException(invalidField("expected"));
    }

    // --- lifecycle: allowed -------------------------------------------------------------------------------

    @Test
    void ownerTriagesNewBug() {
        givenNew().andGivenCurrentTime(NOW)
                .when(change(BugStatus.TRIAGED, null, null))
                .expectEvents(new BugTriagedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, TESTER_ID, NOW));
    }

    @Test
    void acceptingRecordsTheTestersEarningOfTheCampaignsReward() {
        givenTriaged().andGivenCurrentTime(NOW)
                .when(change(BugStatus.ACCEPTED, null, null))
                .expectEvents(new BugAcceptedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, TESTER_ID, NOW),
                        new TesterEarningRecordedEvent(EARNING_ID, OWNER_ID, Mode.LIVE, TESTER_ACCOUNT_ID,
                                EarningSource.bug(BUG_ID, CAMPAIGN_ID), REWARD, EarningStatus.PENDING, NOW));
    }

    @Test
    void acceptingAgainEarnsNothingMore() {
        givenAccepted()
                .when(change(BugStatus.ACCEPTED, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void acceptingAFixedBugIsRefusedAndEarnsNothing() {
        givenAccepted().andGiven(new BugFixedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, SUBMITTED_AT))
                .when(change(BugStatus.ACCEPTED, null, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT))
                .expectExceptionMessage("Cannot move a bug that is fixed to accepted");
    }

    @Test
    void triagingAgainChangesNothing() {
        givenTriaged()
                .when(change(BugStatus.TRIAGED, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void ownerRejectsTriagedBugWithAResolution() {
        givenTriaged().andGivenCurrentTime(NOW)
                .when(change(BugStatus.REJECTED, Resolution.NOT_REPRODUCIBLE, null))
                .expectEvents(new BugRejectedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, TESTER_ID,
                        Resolution.NOT_REPRODUCIBLE, null, NOW));
    }

    @Test
    void duplicateNamesTheOriginalOfTheSameCampaign() {
        bugs.campaigns.put("bug_original", CAMPAIGN_ID);
        givenTriaged().andGivenCurrentTime(NOW)
                .when(change(BugStatus.REJECTED, Resolution.DUPLICATE, "bug_original"))
                .expectEvents(new BugRejectedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, TESTER_ID,
                        Resolution.DUPLICATE, "bug_original", NOW));
    }

    @Test
    void rejectingAgainTheSameWayChangesNothing() {
        bugs.campaigns.put("bug_original", CAMPAIGN_ID);
        givenTriaged().andGiven(new BugRejectedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, TESTER_ID,
                        Resolution.DUPLICATE, "bug_original", SUBMITTED_AT))
                .when(change(BugStatus.REJECTED, Resolution.DUPLICATE, "bug_original"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectedBugCannotBeRejectedForAnotherReason() {
        givenTriaged().andGiven(new BugRejectedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, TESTER_ID,
                        Resolution.OUT_OF_SCOPE, null, SUBMITTED_AT))
                .when(change(BugStatus.REJECTED, Resolution.WORKS_AS_DESIGNED, null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT))
                .expectExceptionMessage("The bug is already rejected as out_of_scope");
    }

    @Test
    void ownerFixesAcceptedBug() {
        givenAccepted().andGivenCurrentTime(NOW)
                .when(change(BugStatus.FIXED, null, null))
                .expectEvents(new BugFixedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, NOW));
    }

    @Test
    void ownerVerifiesFixedBug() {
        givenAccepted().andGiven(new BugFixedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, SUBMITTED_AT))
                .andGivenCurrentTime(NOW)
                .when(change(BugStatus.VERIFIED, null, null))
                .expectEvents(new BugVerifiedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, NOW));
    }

    // --- lifecycle: refused -------------------------------------------------------------------------------

    @Test
    void cannotAcceptNewBug() {
        refused(givenNew(), change(BugStatus.ACCEPTED, null, null), "Cannot move a bug that is new to accepted");
    }

    @Test
    void cannotRejectNewBug() {
        refused(givenNew(), change(BugStatus.REJECTED, Resolution.OUT_OF_SCOPE, null),
                "Cannot move a bug that is new to rejected");
    }

    @Test
    void cannotAcceptRejectedBug() {
        refused(givenTriaged().andGiven(new BugRejectedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, TESTER_ID,
                        Resolution.OUT_OF_SCOPE, null, SUBMITTED_AT)),
                change(BugStatus.ACCEPTED, null, null), "Cannot move a bug that is rejected to accepted");
    }

    @Test
    void cannotFixTriagedBug() {
        refused(givenTriaged(), change(BugStatus.FIXED, null, null), "Cannot move a bug that is triaged to fixed");
    }

    @Test
    void cannotVerifyAcceptedBug() {
        refused(givenAccepted(), change(BugStatus.VERIFIED, null, null),
                "Cannot move a bug that is accepted to verified");
    }

    @Test
    void cannotMoveBackToNew() {
        refused(givenTriaged(), change(BugStatus.NEW, null, null), "Cannot move a bug that is triaged to new");
    }

    @Test
    void cannotTriageAcceptedBugAgain() {
        refused(givenAccepted(), change(BugStatus.TRIAGED, null, null),
                "Cannot move a bug that is accepted to triaged");
    }

    // --- resolutions and duplicates -----------------------------------------------------------------------

    @Test
    void rejectionNeedsAResolution() {
        givenTriaged().when(change(BugStatus.REJECTED, null, null))
                .expectNoEvents()
                .expectException(invalidField("resolution"));
    }

    @Test
    void resolutionGoesWithRejectionOnly() {
        givenTriaged().when(change(BugStatus.ACCEPTED, Resolution.OUT_OF_SCOPE, null))
                .expectNoEvents()
                .expectException(invalidField("resolution"));
    }

    @Test
    void duplicateMustNameItsOriginal() {
        givenTriaged().when(change(BugStatus.REJECTED, Resolution.DUPLICATE, null))
                .expectNoEvents()
                .expectException(invalidField("duplicateOf"));
    }

    @Test
    void onlyADuplicateNamesAnOriginal() {
        bugs.campaigns.put("bug_original", CAMPAIGN_ID);
        givenTriaged().when(change(BugStatus.REJECTED, Resolution.OUT_OF_SCOPE, "bug_original"))
                .expectNoEvents()
                .expectException(invalidField("duplicateOf"));
    }

    @Test
    void duplicateOfABugOfAnotherCampaignIsRefused() {
        bugs.campaigns.put("bug_elsewhere", "camp_other");
        givenTriaged().when(change(BugStatus.REJECTED, Resolution.DUPLICATE, "bug_elsewhere"))
                .expectNoEvents()
                .expectException(invalidField("duplicateOf"));
    }

    @Test
    void duplicateOfAnUnknownBugIsRefused() {
        givenTriaged().when(change(BugStatus.REJECTED, Resolution.DUPLICATE, "bug_unknown"))
                .expectNoEvents()
                .expectException(invalidField("duplicateOf"));
    }

    /** Two bugs as each other's duplicate would leave no original: a duplicate is never named as one. */
    @Test
    void aDuplicateNamesTheOriginalNotAnotherDuplicate() {
        bugs.campaigns.put("bug_original", CAMPAIGN_ID);
        bugs.campaigns.put("bug_copy", CAMPAIGN_ID);
        bugs.duplicates.put("bug_copy", "bug_original");
        givenTriaged().when(change(BugStatus.REJECTED, Resolution.DUPLICATE, "bug_copy"))
                .expectNoEvents()
                .expectException(invalidField("duplicateOf"));
    }

    @Test
    void bugCannotDuplicateItself() {
        bugs.campaigns.put(BUG_ID, CAMPAIGN_ID);
        givenTriaged().when(change(BugStatus.REJECTED, Resolution.DUPLICATE, BUG_ID))
                .expectNoEvents()
                .expectException(invalidField("duplicateOf"));
    }

    // --- ownership ----------------------------------------------------------------------------------------

    @Test
    void anotherAccountCannotSeeTheBug() {
        givenTriaged()
                .when(new ChangeBugCommand(BUG_ID, new Tenant("acct_other", EnumSet.of(Mode.LIVE)),
                        BugStatus.ACCEPTED, null, null, EARNING_ID))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void theOwnersOtherModeCannotSeeTheBug() {
        givenTriaged()
                .when(new ChangeBugCommand(BUG_ID, new Tenant(OWNER_ID, EnumSet.of(Mode.TEST)), BugStatus.ACCEPTED,
                        null, null, EARNING_ID))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void itsTesterCannotMoveTheBug() {
        givenTriaged()
                .when(new ChangeBugCommand(BUG_ID, TESTER, BugStatus.ACCEPTED, null, null, EARNING_ID))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private TestExecutor<Bug> givenNew() {
        return fixture.given(new BugSubmittedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, TESTER_ID,
                TESTER_ACCOUNT_ID, "Crash", Severity.HIGH, "Steps", null, null, null, SUBMITTED_AT));
    }

    private TestExecutor<Bug> givenTriaged() {
        return givenNew().andGiven(new BugTriagedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, TESTER_ID,
                SUBMITTED_AT));
    }

    private TestExecutor<Bug> givenAccepted() {
        return givenTriaged().andGiven(new BugAcceptedEvent(BUG_ID, OWNER_ID, Mode.LIVE, CAMPAIGN_ID, TESTER_ID,
                        SUBMITTED_AT),
                new TesterEarningRecordedEvent("earn_0", OWNER_ID, Mode.LIVE, TESTER_ACCOUNT_ID,
                        EarningSource.bug(BUG_ID, CAMPAIGN_ID), REWARD, EarningStatus.PENDING, SUBMITTED_AT));
    }

    private static SubmitBugCommand submit(Tenant tester, String title, String steps, String expected, String actual,
                                           String device) {
        return new SubmitBugCommand(BUG_ID, tester, CAMPAIGN_ID, title, Severity.CRITICAL, steps, expected, actual,
                device);
    }

    private static ChangeBugCommand change(BugStatus status, Resolution resolution, String duplicateOf) {
        return new ChangeBugCommand(BUG_ID, OWNER, status, resolution, duplicateOf, EARNING_ID);
    }

    private static void refused(TestExecutor<Bug> given, ChangeBugCommand command, String message) {
        given.when(command)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT))
                .expectExceptionMessage(message);
    }

    /** The owner's one live campaign, in memory: tests set its status and who joined it. */
    static final class FakeCampaignLookup implements CampaignLookup {
        boolean exists = true;
        CampaignStatus status;
        final Map<String, String> members = new HashMap<>();

        @Override
        public Optional<CampaignFacts> find(String campaignId, String testerAccountId) {
            return exists && campaignId.equals(CAMPAIGN_ID)
                    ? Optional.of(new CampaignFacts(OWNER_ID, Mode.LIVE, status, REWARD, members.get(testerAccountId)))
                    : Optional.empty();
        }
    }

    /** Which campaign each known bug belongs to, and which of them are duplicates of which. */
    static final class FakeBugLookup implements BugLookup {
        final Map<String, String> campaigns = new HashMap<>();
        final Map<String, String> duplicates = new HashMap<>();

        @Override
        public Optional<Reported> find(String bugId) {
            return Optional.ofNullable(campaigns.get(bugId)).map(campaign -> new Reported(campaign,
                    duplicates.get(bugId)));
        }

        @Override
        public void lockDuplicates(String campaignId) {
            // one command at a time in a fixture
        }
    }
}
