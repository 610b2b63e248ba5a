package com.crowdledger.command.campaign;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.events.campaign.CampaignCancelledEvent;
import com.crowdledger.events.campaign.CampaignChangedEvent;
import com.crowdledger.events.campaign.CampaignCompletedEvent;
import com.crowdledger.events.campaign.CampaignCreatedEvent;
import com.crowdledger.events.campaign.CampaignLaunchedEvent;
import com.crowdledger.events.campaign.CampaignPausedEvent;
import com.crowdledger.events.campaign.CampaignResumedEvent;
import com.crowdledger.events.campaign.TesterJoinedCampaignEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.Platform;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignTest {
    private static final Instant CREATED_AT = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-05T12:30:00Z");
    private static final String CAMPAIGN_ID = "camp_ios_login";
    private static final String OWNER_ID = "acct_owner";
    private static final Tenant OWNER = new Tenant(OWNER_ID, EnumSet.of(Mode.LIVE));
    private static final Tenant OWNER_IN_TEST_MODE = new Tenant(OWNER_ID, EnumSet.of(Mode.TEST));
    private static final Tenant OTHER_OWNER = new Tenant("acct_other", EnumSet.of(Mode.LIVE));
    private static final Money FOUR_DOLLARS = Money.of("4.00", "USD");

    private FixtureConfiguration<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Campaign.class);
    }

    // --- create -------------------------------------------------------------------------------------------

    @Test
    void ownerCreatesDraftInTheModeOfItsKey() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateCampaignCommand(CAMPAIGN_ID, OWNER_IN_TEST_MODE, "  iOS Login Test ", Platform.IOS, 5,
                        FOUR_DOLLARS, "  Log in with every provider  "))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CampaignCreatedEvent(CAMPAIGN_ID, OWNER_ID, Mode.TEST, "iOS Login Test",
                        Platform.IOS, 5, FOUR_DOLLARS, "Log in with every provider", NOW));
    }

    @Test
    void blankDescriptionIsNone() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateCampaignCommand(CAMPAIGN_ID, OWNER, "Web", Platform.WEB, 1, FOUR_DOLLARS, "   "))
                .expectEvents(new CampaignCreatedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, "Web", Platform.WEB, 1,
                        FOUR_DOLLARS, null, NOW));
    }

    @Test
    void cannotCreateWithBlankName() {
        fixture.givenNoPriorActivity().when(create("   ", 5, FOUR_DOLLARS))
                .expectNoEvents()
                .expectException(invalidField("name"));
    }

    @Test
    void cannotCreateWithNameLongerThanMaximum() {
        fixture.givenNoPriorActivity().when(create("n".repeat(Campaign.MAX_NAME_LENGTH + 1), 5, FOUR_DOLLARS))
                .expectException(invalidField("name"));
    }

    @Test
    void cannotCreateWithoutTesters() {
        fixture.givenNoPriorActivity().when(create("iOS", 0, FOUR_DOLLARS))
                .expectException(invalidField("testersRequired"));
    }

    @Test
    void cannotCreateWithMoreThanAThousandTesters() {
        fixture.givenNoPriorActivity().when(create("iOS", 1001, FOUR_DOLLARS))
                .expectException(invalidField("testersRequired"));
    }

    @Test
    void canCreateWithAThousandTesters() {
        fixture.givenNoPriorActivity().when(create("iOS", 1000, FOUR_DOLLARS))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotCreateWithZeroReward() {
        fixture.givenNoPriorActivity().when(create("iOS", 5, Money.of("0", "USD")))
                .expectException(invalidField("rewardPerBug"));
    }

    @Test
    void cannotCreateWithNegativeReward() {
        fixture.givenNoPriorActivity().when(create("iOS", 5, Money.of("-1", "USD")))
                .expectException(invalidField("rewardPerBug"));
    }

    @Test
    void cannotCreateWithRewardAboveMaximum() {
        fixture.givenNoPriorActivity().when(create("iOS", 5, Money.of("100000.01", "USD")))
                .expectException(invalidField("rewardPerBug"));
    }

    @Test
    void rewardKeepsTheCurrencysDecimals() {
        fixture.givenCurrentTime(NOW)
                .when(create("iOS", 5, Campaign.money(new BigDecimal("4"), "EUR")))
                .expectEvents(new CampaignCreatedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, "iOS", Platform.IOS, 5,
                        Money.of("4.00", "EUR"), null, NOW));
    }

    @Test
    void rewardFinerThanTheCurrencyIsRefusedNotRounded() {
        assertThatThrownBy(() -> Campaign.money(new BigDecimal("4.001"), "USD"))
                .isInstanceOf(DomainException.class)
                .hasMessage("The request is invalid");
        assertThatThrownBy(() -> Campaign.money(new BigDecimal("1.5"), "JPY"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void unknownCurrencyIsRefused() {
        assertThatThrownBy(() -> Campaign.money(BigDecimal.ONE, "XYZ"))
                .isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).details().get(0).field())
                .isEqualTo("currency");
    }

    // --- lifecycle: allowed -------------------------------------------------------------------------------

    @Test
    void canLaunchDraft() {
        givenDraft().andGivenCurrentTime(NOW)
                .when(move(CampaignTransition.LAUNCH))
                .expectEvents(new CampaignLaunchedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, NOW));
    }

    @Test
    void canPauseActive() {
        givenActive().andGivenCurrentTime(NOW)
                .when(move(CampaignTransition.PAUSE))
                .expectEvents(new CampaignPausedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, NOW));
    }

    @Test
    void canResumePaused() {
        givenActive().andGiven(paused())
                .andGivenCurrentTime(NOW)
                .when(move(CampaignTransition.RESUME))
                .expectEvents(new CampaignResumedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, NOW));
    }

    @Test
    void canPauseAgainAfterResuming() {
        givenActive().andGiven(paused(), new CampaignResumedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, CREATED_AT))
                .andGivenCurrentTime(NOW)
                .when(move(CampaignTransition.PAUSE))
                .expectEvents(new CampaignPausedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, NOW));
    }

    @Test
    void canCompleteActive() {
        givenActive().andGivenCurrentTime(NOW)
                .when(move(CampaignTransition.COMPLETE))
                .expectEvents(new CampaignCompletedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, NOW));
    }

    @Test
    void canCancelDraft() {
        givenDraft().andGivenCurrentTime(NOW)
                .when(move(CampaignTransition.CANCEL))
                .expectEvents(new CampaignCancelledEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, NOW));
    }

    @Test
    void canCancelActive() {
        givenActive().andGivenCurrentTime(NOW)
                .when(move(CampaignTransition.CANCEL))
                .expectEvents(new CampaignCancelledEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, NOW));
    }

    @Test
    void canCancelPaused() {
        givenActive().andGiven(paused()).andGivenCurrentTime(NOW)
                .when(move(CampaignTransition.CANCEL))
                .expectEvents(new CampaignCancelledEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, NOW));
    }

    // --- lifecycle: refused, naming the current status ----------------------------------------------------

    @Test
    void cannotLaunchActive() {
        refused(givenActive(), CampaignTransition.LAUNCH, "Cannot launch a campaign that is active");
    }

    @Test
    void cannotLaunchPaused() {
        refused(givenActive().andGiven(paused()), CampaignTransition.LAUNCH, "Cannot launch a campaign that is paused");
    }

    @Test
    void cannotPauseDraft() {
        refused(givenDraft(), CampaignTransition.PAUSE, "Cannot pause a campaign that is draft");
    }

    @Test
    void cannotPausePaused() {
        refused(givenActive().andGiven(paused()), CampaignTransition.PAUSE, "Cannot pause a campaign that is paused");
    }

    @Test
    void cannotResumeActive() {
        refused(givenActive(), CampaignTransition.RESUME, "Cannot resume a campaign that is active");
    }

    @Test
    void cannotResumeDraft() {
        refused(givenDraft(), CampaignTransition.RESUME, "Cannot resume a campaign that is draft");
    }

    @Test
    void cannotCompleteDraft() {
        refused(givenDraft(), CampaignTransition.COMPLETE, "Cannot complete a campaign that is draft");
    }

    @Test
    void cannotCompletePaused() {
        refused(givenActive().andGiven(paused()), CampaignTransition.COMPLETE,
                "Cannot complete a campaign that is paused");
    }

    @Test
    void completedIsFinal() {
        TestExecutor<Campaign> completed = givenActive().andGiven(
                new CampaignCompletedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, CREATED_AT));
        refused(completed, CampaignTransition.CANCEL, "Cannot cancel a campaign that is completed");
    }

    @Test
    void cancelledIsFinal() {
        TestExecutor<Campaign> cancelled = givenDraft().andGiven(
                new CampaignCancelledEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, CREATED_AT));
        refused(cancelled, CampaignTransition.LAUNCH, "Cannot launch a campaign that is cancelled");
    }

    @Test
    void cannotCancelCancelled() {
        TestExecutor<Campaign> cancelled = givenDraft().andGiven(
                new CampaignCancelledEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, CREATED_AT));
        refused(cancelled, CampaignTransition.CANCEL, "Cannot cancel a campaign that is cancelled");
    }

    // --- ownership ----------------------------------------------------------------------------------------

    @Test
    void anotherAccountsCampaignIsNotFound() {
        givenDraft()
                .when(new MoveCampaignCommand(CAMPAIGN_ID, OTHER_OWNER, CampaignTransition.LAUNCH))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void campaignOfTheOtherModeIsNotFound() {
        givenDraft()
                .when(new ChangeCampaignCommand(CAMPAIGN_ID, OWNER_IN_TEST_MODE, "Renamed", null, null, null, null,
                        null))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    // --- editing ------------------------------------------------------------------------------------------

    @Test
    void draftIsFreelyEditable() {
        givenDraft().andGivenCurrentTime(NOW)
                .when(new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, "Android Login", Platform.ANDROID, 3,
                        new BigDecimal("2.5"), "EUR", "New text"))
                .expectEvents(new CampaignChangedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, "Android Login",
                        Platform.ANDROID, 3, Money.of("2.50", "EUR"), "New text", NOW));
    }

    @Test
    void draftChangesCurrencyKeepingTheAmount() {
        givenDraft().andGivenCurrentTime(NOW)
                .when(new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, null, null, null, null, "GBP", null))
                .expectEvents(new CampaignChangedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, "iOS Login Test",
                        Platform.IOS, 5, Money.of("4.00", "GBP"), null, NOW));
    }

    @Test
    void changingNothingRecordsNothing() {
        givenDraft()
                .when(new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, "iOS Login Test", Platform.IOS, 5,
                        new BigDecimal("4"), "USD", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void editOfDraftIsValidated() {
        givenDraft()
                .when(new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, null, null, 0, null, null, null))
                .expectNoEvents()
                .expectException(invalidField("testersRequired"));
    }

    @Test
    void activeCampaignMayChangeItsDescription() {
        givenActive().andGivenCurrentTime(NOW)
                .when(new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, null, null, null, null, null, "Also test SSO"))
                .expectEvents(new CampaignChangedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, "iOS Login Test",
                        Platform.IOS, 5, FOUR_DOLLARS, "Also test SSO", NOW));
    }

    @Test
    void activeCampaignMayRaiseTestersRequired() {
        givenActive().andGivenCurrentTime(NOW)
                .when(new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, null, null, 8, null, null, null))
                .expectEvents(new CampaignChangedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, "iOS Login Test",
                        Platform.IOS, 8, FOUR_DOLLARS, null, NOW));
    }

    @Test
    void pausedCampaignMayRaiseTestersRequired() {
        givenActive().andGiven(paused()).andGivenCurrentTime(NOW)
                .when(new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, null, null, 6, null, null, null))
                .expectEvents(new CampaignChangedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, "iOS Login Test",
                        Platform.IOS, 6, FOUR_DOLLARS, null, NOW));
    }

    @Test
    void activeCampaignCannotLowerTestersRequired() {
        refusedEdit(givenActive(), new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, null, null, 4, null, null, null));
    }

    @Test
    void activeCampaignCannotBeRenamed() {
        refusedEdit(givenActive(), new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, "New", null, null, null, null, null));
    }

    @Test
    void activeCampaignCannotChangePlatform() {
        refusedEdit(givenActive(), new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, null, Platform.WEB, null, null, null,
                null));
    }

    @Test
    void activeCampaignCannotChangeItsReward() {
        refusedEdit(givenActive(), new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, null, null, null,
                new BigDecimal("5"), null, null));
    }

    @Test
    void activeCampaignMayRepeatItsTermsUnchanged() {
        givenActive().andGivenCurrentTime(NOW)
                .when(new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, "iOS Login Test", Platform.IOS, 5,
                        new BigDecimal("4.00"), "USD", "More"))
                .expectEvents(new CampaignChangedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, "iOS Login Test",
                        Platform.IOS, 5, FOUR_DOLLARS, "More", NOW));
    }

    @Test
    void completedCampaignCannotChange() {
        refusedEdit(givenActive().andGiven(new CampaignCompletedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, CREATED_AT)),
                new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, null, null, null, null, null, "Late"));
    }

    @Test
    void cancelledCampaignCannotChange() {
        refusedEdit(givenDraft().andGiven(new CampaignCancelledEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, CREATED_AT)),
                new ChangeCampaignCommand(CAMPAIGN_ID, OWNER, "Renamed", null, null, null, null, null));
    }

    // --- joining ------------------------------------------------------------------------------------------

    @Test
    void testerJoinsActiveCampaign() {
        givenActive().andGivenCurrentTime(NOW)
                .when(join("tstr_1", "acct_tester_1"))
                .expectResultMessagePayload(NOW)
                .expectEvents(new TesterJoinedCampaignEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, "tstr_1", "acct_tester_1",
                        NOW));
    }

    @Test
    void lastFreePlaceCanBeTaken() {
        givenActive().andGiven(joined(4))
                .when(join("tstr_last", "acct_last"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotJoinFullCampaign() {
        givenActive().andGiven(joined(5))
                .when(join("tstr_late", "acct_late"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT))
                .expectExceptionMessage("The campaign has no free places (5 of 5 taken)");
    }

    @Test
    void raisingTestersRequiredFreesPlaces() {
        givenActive().andGiven(joined(5)).andGiven(new CampaignChangedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE,
                        "iOS Login Test", Platform.IOS, 6, FOUR_DOLLARS, null, CREATED_AT))
                .when(join("tstr_late", "acct_late"))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotJoinTwice() {
        givenActive().andGiven(joined(1))
                .when(join("tstr_0", "acct_tester_0"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT))
                .expectExceptionMessage("This tester has already joined the campaign");
    }

    @Test
    void cannotJoinDraftWhichTestersDoNotSee() {
        givenDraft()
                .when(join("tstr_1", "acct_tester_1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void cannotJoinPaused() {
        givenActive().andGiven(paused())
                .when(join("tstr_1", "acct_tester_1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT))
                .expectExceptionMessage("Cannot join a campaign that is paused");
    }

    @Test
    void cannotJoinCompleted() {
        givenActive().andGiven(new CampaignCompletedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, CREATED_AT))
                .when(join("tstr_1", "acct_tester_1"))
                .expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void cannotJoinCampaignOfTheOtherMode() {
        givenActive()
                .when(new JoinCampaignCommand(CAMPAIGN_ID, new Tenant("acct_tester_1", EnumSet.of(Mode.TEST)),
                        "tstr_1"))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.NOT_FOUND));
    }

    // --- helpers ------------------------------------------------------------------------------------------

    private TestExecutor<Campaign> givenDraft() {
        return fixture.given(new CampaignCreatedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, "iOS Login Test",
                Platform.IOS, 5, FOUR_DOLLARS, null, CREATED_AT));
    }

    private TestExecutor<Campaign> givenActive() {
        return givenDraft().andGiven(new CampaignLaunchedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, CREATED_AT));
    }

    private static CampaignPausedEvent paused() {
        return new CampaignPausedEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, CREATED_AT);
    }

    private static List<Object> joined(int testers) {
        List<Object> events = new ArrayList<>();
        for (int i = 0; i < testers; i++) {
            events.add(new TesterJoinedCampaignEvent(CAMPAIGN_ID, OWNER_ID, Mode.LIVE, "tstr_" + i, "acct_tester_" + i,
                    CREATED_AT));
        }
        return events;
    }

    private static JoinCampaignCommand join(String testerId, String testerAccountId) {
        return new JoinCampaignCommand(CAMPAIGN_ID, new Tenant(testerAccountId, EnumSet.of(Mode.LIVE)), testerId);
    }

    private static CreateCampaignCommand create(String name, int testersRequired, Money reward) {
        return new CreateCampaignCommand(CAMPAIGN_ID, OWNER, name, Platform.IOS, testersRequired, reward, null);
    }

    private static MoveCampaignCommand move(CampaignTransition transition) {
        return new MoveCampaignCommand(CAMPAIGN_ID, OWNER, transition);
    }

    private static void refused(TestExecutor<Campaign> given, CampaignTransition transition, String message) {
        given.when(move(transition))
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT))
                .expectExceptionMessage(message);
    }

    private static void refusedEdit(TestExecutor<Campaign> given, ChangeCampaignCommand command) {
        given.when(command)
                .expectNoEvents()
                .expectException(domainError(ErrorCode.CONFLICT));
    }
}
