package com.crowdledger.command.playtest;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.instanceOf;

import com.crowdledger.command.game.GameLookup;
import com.crowdledger.command.tester.TesterLookup;
import com.crowdledger.events.earning.EarningSource;
import com.crowdledger.events.earning.EarningStatus;
import com.crowdledger.events.earning.TesterEarningRecordedEvent;
import com.crowdledger.events.game.GameStatus;
import com.crowdledger.events.playtest.PlaytestCancelledEvent;
import com.crowdledger.events.playtest.PlaytestCompletedEvent;
import com.crowdledger.events.playtest.PlaytestOrderedEvent;
import com.crowdledger.events.playtest.PlaytestStatus;
import com.crowdledger.events.playtest.PlaytestVisibility;
import com.crowdledger.events.playtest.SlotClaimedEvent;
import com.crowdledger.events.playtest.SlotReservationExpiringEvent;
import com.crowdledger.events.playtest.SlotReservationLapsedEvent;
import com.crowdledger.events.playtest.SubmissionAcceptedEvent;
import com.crowdledger.events.playtest.SubmissionReceivedEvent;
import com.crowdledger.events.playtest.SubmissionRejectedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlaytestTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private static final Duration LIFETIME = Duration.ofHours(48);
    private static final Duration WARNING = Duration.ofHours(2);
    private static final String PLAYTEST = "pt_1";
    private static final String GAME = "game_1";
    private static final String OWNER_ID = "acct_owner";
    private static final Tenant OWNER = new Tenant(OWNER_ID, EnumSet.of(Mode.LIVE));
    private static final Tenant ANN = new Tenant("acct_ann", EnumSet.of(Mode.LIVE));
    private static final Tenant BOB = new Tenant("acct_bob", EnumSet.of(Mode.LIVE));
    private static final Money COST = Money.ofMinor(1000, "USD");
    private static final Money PAYOUT = Money.ofMinor(600, "USD");
    private static final List<String> SLOTS = List.of("slot_a", "slot_b", "slot_c");

    private final FakeGames games = new FakeGames();
    /** Ann and Bob are testers in live mode, Tess in test mode; nobody else. */
    private final TesterLookup testers = new TesterLookup() {
        @Override
        public Optional<String> testerId(String accountId, Mode mode) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> existing(Collection<String> testerIds, Mode mode) {
            Set<String> ofMode = mode == Mode.LIVE ? Set.of("tstr_ann", "tstr_bob") : Set.of("tstr_tess");
            return testerIds.stream().filter(ofMode::contains).collect(Collectors.toSet());
        }
    };
    private FixtureConfiguration<Playtest> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Playtest.class);
        fixture.registerInjectableResource(games);
        fixture.registerInjectableResource(testers);
    }

    // --- orders ------------------------------------------------------------------------------------------

    @Test
    void privateOrderIsPrepaidInFull() {
        fixture.givenCurrentTime(NOW).when(order(PlaytestVisibility.PRIVATE, List.of("tstr_ann")))
                .expectEvents(ordered(PlaytestVisibility.PRIVATE, List.of("tstr_ann"), Money.ofMinor(3000, "USD")));
    }

    @Test
    void publicOrderChargesNothingUpFront() {
        fixture.givenCurrentTime(NOW).when(order(PlaytestVisibility.PUBLIC, List.of()))
                .expectEvents(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")));
    }

    @Test
    void anArchivedGameTakesNoOrders() {
        games.status = GameStatus.ARCHIVED;
        fixture.givenNoPriorActivity().when(order(PlaytestVisibility.PUBLIC, List.of()))
                .expectNoEvents().expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void anotherAccountsGameIsNotFound() {
        games.accountId = "acct_other";
        fixture.givenNoPriorActivity().when(order(PlaytestVisibility.PUBLIC, List.of()))
                .expectNoEvents().expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void payoutAboveCostIsRefused() {
        fixture.givenNoPriorActivity().when(new OrderPlaytestCommand(PLAYTEST, OWNER, GAME, "T", PlaytestVisibility.PUBLIC,
                        3, 60, 1, null, List.of(), COST, Money.ofMinor(1001, "USD"), List.of(), SLOTS))
                .expectNoEvents().expectException(invalidField("payoutCents"));
    }

    @Test
    void aPrivateOrderNamesItsTestersAndAPublicOneNone() {
        fixture.givenNoPriorActivity().when(order(PlaytestVisibility.PRIVATE, List.of()))
                .expectNoEvents().expectException(invalidField("invitedTesters"));
        fixture.givenNoPriorActivity().when(order(PlaytestVisibility.PUBLIC, List.of("tstr_ann")))
                .expectNoEvents().expectException(invalidField("invitedTesters"));
    }

    @Test
    void aPrivateOrderIsOfferedOnlyToTestersOfItsMode() {
        fixture.givenNoPriorActivity().when(order(PlaytestVisibility.PRIVATE, List.of("tstr_ann", "tstr_ghost")))
                .expectNoEvents().expectException(invalidField("invitedTesters"));
        fixture.givenNoPriorActivity().when(order(PlaytestVisibility.PRIVATE, List.of("tstr_tess")))
                .expectNoEvents().expectException(invalidField("invitedTesters"));
    }

    @Test
    void onlyTheListedDurationsAreTaken() {
        fixture.givenNoPriorActivity().when(new OrderPlaytestCommand(PLAYTEST, OWNER, GAME, "T",
                        PlaytestVisibility.PUBLIC, 3, 45, 1, null, List.of(), COST, PAYOUT, List.of(), SLOTS))
                .expectNoEvents().expectException(invalidField("durationMinutes"));
    }

    // --- slots ---------------------------------------------------------------------------------------------

    @Test
    void aTesterReservesAnOpenSlotForFortyEightHours() {
        fixture.givenCurrentTime(NOW).andGiven(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")))
                .when(claim(ANN, "tstr_ann", "slot_a"))
                .expectEvents(new SlotClaimedEvent(PLAYTEST, "slot_a", OWNER_ID, Mode.LIVE, "tstr_ann", "acct_ann", 1,
                        NOW.plus(LIFETIME), NOW))
                .expectResultMessagePayload(NOW.plus(LIFETIME))
                .expectScheduledDeadlineWithName(LIFETIME.minus(WARNING), Playtest.EXPIRING)
                .expectScheduledDeadlineWithName(LIFETIME, Playtest.LAPSED);
    }

    @Test
    void aReservedSlotIsNotClaimedAgain() {
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")), claimed("slot_a", ANN, "tstr_ann", 1))
                .when(claim(BOB, "tstr_bob", "slot_a"))
                .expectNoEvents().expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void aTesterTakesOneSlotPerPlaytest() {
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")), claimed("slot_a", ANN, "tstr_ann", 1))
                .when(claim(ANN, "tstr_ann", "slot_b"))
                .expectNoEvents().expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void aPrivatePlaytestDoesNotExistForTestersItWasNotOfferedTo() {
        fixture.given(ordered(PlaytestVisibility.PRIVATE, List.of("tstr_ann"), Money.ofMinor(3000, "USD")))
                .when(claim(BOB, "tstr_bob", "slot_a"))
                .expectNoEvents().expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void theOtherModeDoesNotSeeTheSlot() {
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")))
                .when(claim(new Tenant("acct_ann", EnumSet.of(Mode.TEST)), "tstr_ann", "slot_a"))
                .expectNoEvents().expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void anUnsubmittedReservationIsRemindedThenLapsesAndTheSlotOpensAgain() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(order(PlaytestVisibility.PUBLIC, List.of()), claim(ANN, "tstr_ann", "slot_a"))
                .whenThenTimeElapses(LIFETIME)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(SlotReservationExpiringEvent.class),
                        instanceOf(SlotReservationLapsedEvent.class), andNoMore())));
    }

    @Test
    void aLapsedSlotIsClaimedAgain() {
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")), claimed("slot_a", ANN, "tstr_ann", 1),
                        new SlotReservationLapsedEvent(PLAYTEST, "slot_a", OWNER_ID, Mode.LIVE, "tstr_ann", "acct_ann", 1,
                                NOW.plus(LIFETIME)))
                .when(claim(BOB, "tstr_bob", "slot_a"))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        instanceOf(SlotClaimedEvent.class), andNoMore())));
    }

    @Test
    void aSubmittedSlotDoesNotLapse() {
        fixture.givenCurrentTime(NOW)
                .andGivenCommands(order(PlaytestVisibility.PUBLIC, List.of()), claim(ANN, "tstr_ann", "slot_a"),
                        submit(ANN, "slot_a"))
                .whenThenTimeElapses(LIFETIME)
                .expectNoEvents();
    }

    @Test
    void aSlotHeldByAnotherTesterIsNotFound() {
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")), claimed("slot_a", ANN, "tstr_ann", 1))
                .when(submit(BOB, "slot_a"))
                .expectNoEvents().expectException(domainError(ErrorCode.NOT_FOUND));
    }

    @Test
    void theHolderSubmitsAnHttpsVideo() {
        fixture.givenCurrentTime(NOW)
                .andGiven(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")), claimed("slot_a", ANN, "tstr_ann", 1))
                .when(submit(ANN, "slot_a"))
                .expectEvents(new SubmissionReceivedEvent(PLAYTEST, "slot_a", "sub_1", OWNER_ID, Mode.LIVE, "tstr_ann",
                        "acct_ann", "https://videos.example.com/1.mp4", "Fun", Map.of("Again?", "Yes"), NOW));
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")), claimed("slot_a", ANN, "tstr_ann", 1))
                .when(new SubmitPlaytestCommand(PLAYTEST, "slot_a", ANN, "sub_1", "http://videos.example.com/1.mp4",
                        null, Map.of()))
                .expectNoEvents().expectException(invalidField("videoUrl"));
    }

    // --- review ------------------------------------------------------------------------------------------

    @Test
    void acceptingAPrivateSubmissionPaysTheTesterAndChargesNothingMore() {
        fixture.givenCurrentTime(NOW)
                .andGiven(ordered(PlaytestVisibility.PRIVATE, List.of("tstr_ann"), Money.ofMinor(3000, "USD")),
                        claimed("slot_a", ANN, "tstr_ann", 1), submitted("slot_a"))
                .when(review(true))
                .expectEvents(new SubmissionAcceptedEvent(PLAYTEST, "slot_a", "sub_1", OWNER_ID, Mode.LIVE, "tstr_ann",
                                "acct_ann", PAYOUT, Money.zero("USD"), NOW),
                        new TesterEarningRecordedEvent("earn_1", OWNER_ID, Mode.LIVE, "acct_ann",
                                EarningSource.submission("sub_1"), PAYOUT, EarningStatus.PENDING, NOW));
    }

    @Test
    void acceptingAPublicSubmissionChargesItsCost() {
        fixture.givenCurrentTime(NOW)
                .andGiven(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")),
                        claimed("slot_a", ANN, "tstr_ann", 1), submitted("slot_a"))
                .when(review(true))
                .expectEvents(new SubmissionAcceptedEvent(PLAYTEST, "slot_a", "sub_1", OWNER_ID, Mode.LIVE, "tstr_ann",
                                "acct_ann", PAYOUT, COST, NOW),
                        new TesterEarningRecordedEvent("earn_1", OWNER_ID, Mode.LIVE, "acct_ann",
                                EarningSource.submission("sub_1"), PAYOUT, EarningStatus.PENDING, NOW));
    }

    @Test
    void aSecondAcceptPaysNothing() {
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")),
                        claimed("slot_a", ANN, "tstr_ann", 1), submitted("slot_a"),
                        new SubmissionAcceptedEvent(PLAYTEST, "slot_a", "sub_1", OWNER_ID, Mode.LIVE, "tstr_ann",
                                "acct_ann", PAYOUT, COST, NOW))
                .when(review(true))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aRejectedSubmissionIsNotAccepted() {
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")),
                        claimed("slot_a", ANN, "tstr_ann", 1), submitted("slot_a"),
                        new SubmissionRejectedEvent(PLAYTEST, "slot_a", "sub_1", OWNER_ID, Mode.LIVE, "tstr_ann",
                                "acct_ann", "No video", NOW))
                .when(review(true))
                .expectNoEvents().expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void nothingSubmittedIsNothingToReview() {
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")), claimed("slot_a", ANN, "tstr_ann", 1))
                .when(review(true))
                .expectNoEvents().expectException(domainError(ErrorCode.CONFLICT));
    }

    @Test
    void aRejectionSaysWhy() {
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")),
                        claimed("slot_a", ANN, "tstr_ann", 1), submitted("slot_a"))
                .when(new ReviewSubmissionCommand(PLAYTEST, "slot_a", OWNER, false, " ", "earn_1"))
                .expectNoEvents().expectException(invalidField("reason"));
    }

    @Test
    void anotherAccountCannotReview() {
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")),
                        claimed("slot_a", ANN, "tstr_ann", 1), submitted("slot_a"))
                .when(new ReviewSubmissionCommand(PLAYTEST, "slot_a", new Tenant("acct_other", EnumSet.of(Mode.LIVE)),
                        true, null, "earn_1"))
                .expectNoEvents().expectException(domainError(ErrorCode.NOT_FOUND));
    }

    // --- the end -------------------------------------------------------------------------------------------

    @Test
    void cancellingRefundsEveryPrepaidSlotNotYetSubmitted() {
        fixture.givenCurrentTime(NOW)
                .andGiven(ordered(PlaytestVisibility.PRIVATE, List.of("tstr_ann", "tstr_bob"), Money.ofMinor(3000, "USD")),
                        claimed("slot_a", ANN, "tstr_ann", 1), submitted("slot_a"), claimed("slot_b", BOB, "tstr_bob", 1))
                .when(new CancelPlaytestCommand(PLAYTEST, OWNER))
                .expectEvents(new PlaytestCancelledEvent(PLAYTEST, OWNER_ID, Mode.LIVE, List.of("slot_b", "slot_c"),
                        Money.ofMinor(2000, "USD"), NOW));
    }

    @Test
    void cancellingAPublicPlaytestRefundsNothing() {
        fixture.givenCurrentTime(NOW).andGiven(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")))
                .when(new CancelPlaytestCommand(PLAYTEST, OWNER))
                .expectEvents(new PlaytestCancelledEvent(PLAYTEST, OWNER_ID, Mode.LIVE, SLOTS, Money.zero("USD"), NOW));
    }

    @Test
    void cancellingTwiceRefundsOnce() {
        fixture.given(ordered(PlaytestVisibility.PRIVATE, List.of("tstr_ann"), Money.ofMinor(3000, "USD")),
                        new PlaytestCancelledEvent(PLAYTEST, OWNER_ID, Mode.LIVE, SLOTS, Money.ofMinor(3000, "USD"), NOW))
                .when(new CancelPlaytestCommand(PLAYTEST, OWNER))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void completingExpiresTheOpenAndReservedSlotsAndRefundsNothing() {
        fixture.givenCurrentTime(NOW)
                .andGiven(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")), claimed("slot_a", ANN, "tstr_ann", 1))
                .when(new ChangePlaytestCommand(PLAYTEST, OWNER, null, null, PlaytestStatus.COMPLETED))
                .expectEvents(new PlaytestCompletedEvent(PLAYTEST, OWNER_ID, Mode.LIVE, SLOTS, NOW));
    }

    @Test
    void aCompletedPlaytestIsNotCancelled() {
        fixture.given(ordered(PlaytestVisibility.PUBLIC, List.of(), Money.zero("USD")),
                        new PlaytestCompletedEvent(PLAYTEST, OWNER_ID, Mode.LIVE, SLOTS, NOW))
                .when(new CancelPlaytestCommand(PLAYTEST, OWNER))
                .expectNoEvents().expectException(domainError(ErrorCode.CONFLICT));
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static OrderPlaytestCommand order(PlaytestVisibility visibility, List<String> invited) {
        return new OrderPlaytestCommand(PLAYTEST, OWNER, GAME, " Session ", visibility, 3, 60, 2, null, List.of("K1"),
                COST, PAYOUT, invited, SLOTS);
    }

    private static PlaytestOrderedEvent ordered(PlaytestVisibility visibility, List<String> invited, Money prepaid) {
        return new PlaytestOrderedEvent(PLAYTEST, OWNER_ID, Mode.LIVE, GAME, "Session", visibility, 3, 60, 2, null,
                List.of("K1"), COST, PAYOUT, prepaid, invited, SLOTS, NOW);
    }

    private static ClaimSlotCommand claim(Tenant tester, String testerId, String slotId) {
        return new ClaimSlotCommand(PLAYTEST, slotId, tester, testerId, LIFETIME, WARNING);
    }

    private static SlotClaimedEvent claimed(String slotId, Tenant tester, String testerId, int reservation) {
        return new SlotClaimedEvent(PLAYTEST, slotId, OWNER_ID, Mode.LIVE, testerId, tester.accountId(), reservation,
                NOW.plus(LIFETIME), NOW);
    }

    private static SubmitPlaytestCommand submit(Tenant tester, String slotId) {
        return new SubmitPlaytestCommand(PLAYTEST, slotId, tester, "sub_1", "https://videos.example.com/1.mp4", " Fun ",
                Map.of("Again?", "Yes"));
    }

    private static SubmissionReceivedEvent submitted(String slotId) {
        return new SubmissionReceivedEvent(PLAYTEST, slotId, "sub_1", OWNER_ID, Mode.LIVE, "tstr_ann", "acct_ann",
                "https://videos.example.com/1.mp4", null, Map.of(), NOW);
    }

    private static ReviewSubmissionCommand review(boolean accept) {
        return new ReviewSubmissionCommand(PLAYTEST, "slot_a", OWNER, accept, accept ? null : "No video", "earn_1");
    }

    /** The game the orders are for: the owner's, active, unless a test says otherwise. */
    private static final class FakeGames implements GameLookup {
        private String accountId = OWNER_ID;
        private GameStatus status = GameStatus.ACTIVE;

        @Override
        public Optional<GameFacts> find(String gameId) {
            return GAME.equals(gameId) ? Optional.of(new GameFacts(accountId, Mode.LIVE, status)) : Optional.empty();
        }
    }
}
