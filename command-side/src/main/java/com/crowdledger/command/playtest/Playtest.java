package com.crowdledger.command.playtest;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.command.game.GameLookup;
import com.crowdledger.command.game.HttpsLinks;
import com.crowdledger.command.tester.TesterLookup;
import com.crowdledger.events.earning.EarningSource;
import com.crowdledger.events.earning.EarningStatus;
import com.crowdledger.events.earning.TesterEarningRecordedEvent;
import com.crowdledger.events.game.GameStatus;
import com.crowdledger.events.playtest.PlaytestCancelledEvent;
import com.crowdledger.events.playtest.PlaytestChangedEvent;
import com.crowdledger.events.playtest.PlaytestCompletedEvent;
import com.crowdledger.events.playtest.PlaytestOrderedEvent;
import com.crowdledger.events.playtest.PlaytestStatus;
import com.crowdledger.events.playtest.PlaytestVisibility;
import com.crowdledger.events.playtest.SlotClaimedEvent;
import com.crowdledger.events.playtest.SlotReservationExpiringEvent;
import com.crowdledger.events.playtest.SlotReservationLapsedEvent;
import com.crowdledger.events.playtest.SlotStatus;
import com.crowdledger.events.playtest.SubmissionAcceptedEvent;
import com.crowdledger.events.playtest.SubmissionReceivedEvent;
import com.crowdledger.events.playtest.SubmissionRejectedEvent;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A playtest of an owner's game and its slots (at most 100, so they live in the playtest: every rule about them,
 * one slot per tester included, is decided under the playtest's lock). Slot lifecycle: {@code open → reserved}
 * (48 h, then open again) {@code → submitted → accepted | rejected}; open (and, on cancel, reserved) slots expire
 * when the playtest ends. Money: a private order is prepaid ({@code prepaid} on the order event), a public one is
 * charged per accepted submission ({@code charge} on the acceptance); billing's policy charges and refunds what the
 * events say, in the same transaction.
 */
@Aggregate
class Playtest {
    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_NOTES_LENGTH = 5000;
    static final int MIN_QUANTITY = 1;
    static final int MAX_QUANTITY = 100;
    static final Set<Integer> DURATIONS = Set.of(30, 60, 120, 180);
    static final int MIN_PLAYERS = 1;
    static final int MAX_PLAYERS = 8;
    static final long MAX_COST_CENTS = 10_000_000; // 100,000.00 in a two-decimal currency
    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_INVITED = 1000;
    static final int MAX_ANSWERS = 50;
    static final int MAX_QUESTION_LENGTH = 500;
    static final int MAX_ANSWER_LENGTH = 5000;
    static final int MAX_REASON_LENGTH = 2000;
    static final String LAPSED = "slot-reservation-lapsed";
    static final String EXPIRING = "slot-reservation-expiring";

    @AggregateIdentifier
    private String playtestId;
    private String accountId;
    private Mode mode;
    private PlaytestVisibility visibility;
    private PlaytestStatus status;
    private Money costPerSlot;
    private Money payout;
    private final Set<String> invitedTesters = new HashSet<>();
    private String currentTitle;
    private String currentNotes;
    private final Map<String, Slot> slots = new LinkedHashMap<>();
    private final Map<String, Instant> reservedUntil = new LinkedHashMap<>();

    /** A slot's state: who holds it, and how many reservations it has had (to tell a stale deadline). */
    private static final class Slot {
        private SlotStatus status = SlotStatus.OPEN;
        private String testerId;
        private String testerAccountId;
        private int reservations;
        private String submissionId;

        // the test fixture compares the state an aggregate reached with the state its events source
        @Override
        public boolean equals(Object other) {
            return other instanceof Slot slot && status == slot.status && reservations == slot.reservations
                    && Objects.equals(testerId, slot.testerId) && Objects.equals(testerAccountId, slot.testerAccountId)
                    && Objects.equals(submissionId, slot.submissionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(status, testerId, reservations);
        }
    }

    Playtest() {
        // for Axon
    }

    @CommandHandler
    Playtest(OrderPlaytestCommand command, GameLookup games, TesterLookup testers) {
        Tenant owner = command.owner();
        GameLookup.GameFacts game = games.find(command.gameId())
                .filter(found -> owner.owns(found.accountId(), found.mode()))
                .orElseThrow(() -> DomainException.notFound("Game"));
        if (game.status() != GameStatus.ACTIVE) {
            throw DomainException.conflict("The game is archived and takes no playtest orders");
        }
        int quantity = command.quantity();
        if (quantity < MIN_QUANTITY || quantity > MAX_QUANTITY) {
            throw DomainException.invalid("quantity", "must be between " + MIN_QUANTITY + " and " + MAX_QUANTITY);
        }
        if (command.slotIds().size() != quantity) {
            throw new IllegalArgumentException("An order names one slot id per slot");
        }
        if (!DURATIONS.contains(command.durationMinutes())) {
            throw DomainException.invalid("durationMinutes", "must be 30, 60, 120 or 180");
        }
        if (command.playerCount() < MIN_PLAYERS || command.playerCount() > MAX_PLAYERS) {
            throw DomainException.invalid("playerCount", "must be between " + MIN_PLAYERS + " and " + MAX_PLAYERS);
        }
        Money cost = command.costPerSlot();
        Money pay = command.payout();
        if (cost.minorUnits() < 1 || cost.minorUnits() > MAX_COST_CENTS) {
            throw DomainException.invalid("costPerSlotCents", "must be between 1 and " + MAX_COST_CENTS);
        }
        if (pay.isNegative() || pay.isZero() || cost.isLessThan(pay)) {
            throw DomainException.invalid("payoutCents", "must be more than 0 and at most costPerSlotCents");
        }
        List<String> keys = validKeys(command.keysForTesters(), quantity);
        List<String> invited = validInvited(command.visibility(), command.invitedTesters());
        Set<String> known = testers.existing(invited, game.mode());
        List<String> unknown = invited.stream().filter(id -> !known.contains(id)).toList();
        if (!unknown.isEmpty()) {
            // slots offered to nobody would be paid for and never claimed
            throw DomainException.invalid("invitedTesters", "no tester " + String.join(", ", unknown)
                    + " in " + game.mode().wireName() + " mode");
        }
        Money prepaid = command.visibility() == PlaytestVisibility.PRIVATE ? cost.times(quantity)
                : Money.zero(cost.currency());
        apply(new PlaytestOrderedEvent(command.playtestId(), game.accountId(), game.mode(), command.gameId(),
                text("title", command.title(), MAX_TITLE_LENGTH), Objects.requireNonNull(command.visibility()),
                quantity, command.durationMinutes(), command.playerCount(),
                optionalText("notesForTesters", command.notesForTesters(), MAX_NOTES_LENGTH), keys, cost, pay,
                prepaid, invited, List.copyOf(command.slotIds()), now()));
    }

    @CommandHandler
    void handle(ChangePlaytestCommand command) {
        requireOwnedBy(command.owner());
        if (command.status() != null && command.status() != PlaytestStatus.COMPLETED
                && command.status() != status) {
            throw DomainException.invalid("status", "a playtest is completed here, and cancelled with POST .../cancel");
        }
        boolean completing = command.status() == PlaytestStatus.COMPLETED && status != PlaytestStatus.COMPLETED;
        boolean editing = command.title() != null || command.notesForTesters() != null;
        if ((completing || editing) && status != PlaytestStatus.OPEN) {
            throw DomainException.conflict("The playtest is " + status.wireName() + " and can no longer change");
        }
        if (editing) {
            apply(new PlaytestChangedEvent(playtestId, accountId, mode,
                    command.title() == null ? currentTitle : text("title", command.title(), MAX_TITLE_LENGTH),
                    command.notesForTesters() == null ? currentNotes
                            : optionalText("notesForTesters", command.notesForTesters(), MAX_NOTES_LENGTH), now()));
        }
        if (completing) {
            // reserved slots end too, as on a cancel: a reservation lapsing later would reopen a slot of a finished
            // playtest
            apply(new PlaytestCompletedEvent(playtestId, accountId, mode,
                    slotIdsIn(Set.of(SlotStatus.OPEN, SlotStatus.RESERVED)), now()));
        }
    }

    @CommandHandler
    void handle(CancelPlaytestCommand command) {
        requireOwnedBy(command.owner());
        if (status == PlaytestStatus.CANCELLED) {
            return; // a retried cancel changes nothing, and refunds nothing twice
        }
        if (status != PlaytestStatus.OPEN) {
            throw DomainException.conflict("The playtest is " + status.wireName() + " and cannot be cancelled");
        }
        List<String> ending = slotIdsIn(Set.of(SlotStatus.OPEN, SlotStatus.RESERVED));
        Money refund = visibility == PlaytestVisibility.PRIVATE ? costPerSlot.times(ending.size())
                : Money.zero(costPerSlot.currency());
        apply(new PlaytestCancelledEvent(playtestId, accountId, mode, ending, refund, now()));
    }

    /** @return until when the slot is reserved */
    @CommandHandler
    Instant handle(ClaimSlotCommand command, DeadlineManager deadlines) {
        Slot slot = visibleTo(command.tester(), command.testerId(), command.slotId());
        if (slot.status == SlotStatus.RESERVED && command.testerId().equals(slot.testerId)) {
            throw DomainException.conflict("You already hold this slot");
        }
        if (status != PlaytestStatus.OPEN) {
            throw DomainException.conflict("The playtest is " + status.wireName());
        }
        if (slot.status != SlotStatus.OPEN) {
            throw DomainException.conflict("The slot is " + slot.status.wireName());
        }
        if (slots.values().stream().anyMatch(other -> command.testerId().equals(other.testerId)
                && other.status != SlotStatus.OPEN && other.status != SlotStatus.EXPIRED)) {
            throw DomainException.conflict("A tester takes one slot per playtest");
        }
        int reservation = slot.reservations + 1;
        Instant now = now();
        Instant until = now.plus(command.lifetime());
        apply(new SlotClaimedEvent(playtestId, command.slotId(), accountId, mode, command.testerId(),
                command.tester().accountId(), reservation, until, now));
        ReservationDeadline deadline = new ReservationDeadline(command.slotId(), reservation);
        deadlines.schedule(until.minus(command.warning()), EXPIRING, deadline);
        deadlines.schedule(until, LAPSED, deadline);
        return until;
    }

    /** At least once, and possibly after the slot moved on: only the reservation it was set for is reminded. */
    @DeadlineHandler(deadlineName = EXPIRING)
    void onExpiring(ReservationDeadline deadline) {
        Slot slot = slots.get(deadline.slotId());
        if (stillReserved(slot, deadline)) {
            apply(new SlotReservationExpiringEvent(playtestId, deadline.slotId(), accountId, mode, slot.testerId,
                    slot.testerAccountId, deadline.reservation(), reservedUntil.get(deadline.slotId())));
        }
    }

    /** At least once: a reservation that was submitted, cancelled or already lapsed is left alone. */
    @DeadlineHandler(deadlineName = LAPSED)
    void onLapsed(ReservationDeadline deadline) {
        Slot slot = slots.get(deadline.slotId());
        if (stillReserved(slot, deadline)) {
            apply(new SlotReservationLapsedEvent(playtestId, deadline.slotId(), accountId, mode, slot.testerId,
                    slot.testerAccountId, deadline.reservation(), now()));
        }
    }

    @CommandHandler
    void handle(SubmitPlaytestCommand command) {
        Tenant tester = command.tester();
        Slot slot = slots.get(command.slotId());
        // a slot the tester does not hold is another's (or nobody's): it does not exist for them (SPEC §3)
        if (slot == null || !tester.modes().contains(mode) || !tester.accountId().equals(slot.testerAccountId)) {
            throw DomainException.notFound("Slot");
        }
        if (slot.status != SlotStatus.RESERVED) {
            throw DomainException.conflict("The slot is " + slot.status.wireName() + ": nothing more is submitted");
        }
        apply(new SubmissionReceivedEvent(playtestId, command.slotId(), command.submissionId(), accountId, mode,
                slot.testerId, slot.testerAccountId, HttpsLinks.require("videoUrl", command.videoUrl()),
                optionalText("notes", command.notes(), MAX_NOTES_LENGTH), validAnswers(command.answers()), now()));
    }

    @CommandHandler
    void handle(ReviewSubmissionCommand command) {
        Slot slot = slots.get(command.slotId());
        // another account's slot answers as an unknown one does
        if (slot == null || !command.owner().owns(accountId, mode)) {
            throw DomainException.notFound("Slot");
        }
        SlotStatus target = command.accept() ? SlotStatus.ACCEPTED : SlotStatus.REJECTED;
        if (slot.status == target) {
            return; // a retried or concurrent review changes nothing, and pays nothing twice
        }
        if (slot.status != SlotStatus.SUBMITTED) {
            throw DomainException.conflict("The slot is " + slot.status.wireName() + ": only a submission is reviewed");
        }
        Instant now = now();
        if (command.accept()) {
            if (!Ids.hasPrefix(command.earningId(), Ids.EARNING)) {
                throw new IllegalArgumentException("An earning id starts with " + Ids.EARNING);
            }
            Money charge = visibility == PlaytestVisibility.PUBLIC ? costPerSlot : Money.zero(costPerSlot.currency());
            apply(new SubmissionAcceptedEvent(playtestId, command.slotId(), slot.submissionId, accountId, mode,
                    slot.testerId, slot.testerAccountId, payout, charge, now));
            apply(new TesterEarningRecordedEvent(command.earningId(), accountId, mode, slot.testerAccountId,
                    EarningSource.submission(slot.submissionId), payout, EarningStatus.PENDING, now));
        } else {
            apply(new SubmissionRejectedEvent(playtestId, command.slotId(), slot.submissionId, accountId, mode,
                    slot.testerId, slot.testerAccountId, text("reason", command.reason(), MAX_REASON_LENGTH), now));
        }
    }

    // --- state ---------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(PlaytestOrderedEvent event) {
        playtestId = event.playtestId();
        accountId = event.accountId();
        mode = event.mode();
        visibility = event.visibility();
        status = PlaytestStatus.OPEN;
        costPerSlot = event.costPerSlot();
        payout = event.payout();
        currentTitle = event.title();
        currentNotes = event.notesForTesters();
        invitedTesters.addAll(event.invitedTesters());
        event.slotIds().forEach(slotId -> slots.put(slotId, new Slot()));
    }

    @EventSourcingHandler
    void on(PlaytestChangedEvent event) {
        currentTitle = event.title();
        currentNotes = event.notesForTesters();
    }

    @EventSourcingHandler
    void on(PlaytestCompletedEvent event) {
        status = PlaytestStatus.COMPLETED;
        event.expiredSlotIds().forEach(slotId -> slots.get(slotId).status = SlotStatus.EXPIRED);
    }

    @EventSourcingHandler
    void on(PlaytestCancelledEvent event) {
        status = PlaytestStatus.CANCELLED;
        event.expiredSlotIds().forEach(slotId -> slots.get(slotId).status = SlotStatus.EXPIRED);
    }

    @EventSourcingHandler
    void on(SlotClaimedEvent event) {
        Slot slot = slots.get(event.slotId());
        slot.status = SlotStatus.RESERVED;
        slot.testerId = event.testerId();
        slot.testerAccountId = event.testerAccountId();
        slot.reservations = event.reservation();
        reservedUntil.put(event.slotId(), event.reservedUntil());
    }

    @EventSourcingHandler
    void on(SlotReservationLapsedEvent event) {
        Slot slot = slots.get(event.slotId());
        slot.status = SlotStatus.OPEN;
        slot.testerId = null;
        slot.testerAccountId = null;
        reservedUntil.remove(event.slotId());
    }

    @EventSourcingHandler
    void on(SubmissionReceivedEvent event) {
        Slot slot = slots.get(event.slotId());
        slot.status = SlotStatus.SUBMITTED;
        slot.submissionId = event.submissionId();
    }

    @EventSourcingHandler
    void on(SubmissionAcceptedEvent event) {
        slots.get(event.slotId()).status = SlotStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(SubmissionRejectedEvent event) {
        slots.get(event.slotId()).status = SlotStatus.REJECTED;
    }

    // --- rules ---------------------------------------------------------------------------------------------

    /** Another account's playtest, or one of the other mode, does not exist for the caller. */
    private void requireOwnedBy(Tenant owner) {
        if (!owner.owns(accountId, mode)) {
            throw DomainException.notFound("Playtest");
        }
    }

    /**
     * A slot as a tester may see it: of its key's mode, and of a public playtest or one it was invited to; otherwise
     * it does not exist for the tester.
     */
    private Slot visibleTo(Tenant tester, String testerId, String slotId) {
        Slot slot = slots.get(slotId);
        boolean offered = visibility == PlaytestVisibility.PUBLIC || invitedTesters.contains(testerId);
        if (slot == null || !tester.modes().contains(mode) || !offered) {
            throw DomainException.notFound("Slot");
        }
        return slot;
    }

    private static boolean stillReserved(Slot slot, ReservationDeadline deadline) {
        return slot != null && slot.status == SlotStatus.RESERVED && slot.reservations == deadline.reservation();
    }

    private List<String> slotIdsIn(Set<SlotStatus> statuses) {
        return slots.entrySet().stream().filter(entry -> statuses.contains(entry.getValue().status))
                .map(Map.Entry::getKey).toList();
    }

    private static List<String> validKeys(List<String> keys, int quantity) {
        if (keys == null) {
            return List.of();
        }
        if (keys.size() > quantity) {
            throw DomainException.invalid("keysForTesters", "at most one key per slot (" + quantity + ")");
        }
        return keys.stream().map(key -> text("keysForTesters", key, MAX_KEY_LENGTH)).toList();
    }

    private static List<String> validInvited(PlaytestVisibility visibility, List<String> invited) {
        List<String> testers = invited == null ? List.of() : invited.stream().distinct().toList();
        if (visibility == PlaytestVisibility.PUBLIC && !testers.isEmpty()) {
            throw DomainException.invalid("invitedTesters", "a public playtest is open to every tester");
        }
        if (visibility == PlaytestVisibility.PRIVATE && testers.isEmpty()) {
            throw DomainException.invalid("invitedTesters", "a private playtest names the testers it is offered to");
        }
        if (testers.size() > MAX_INVITED || testers.stream().anyMatch(id -> !Ids.hasPrefix(id, Ids.TESTER))) {
            throw DomainException.invalid("invitedTesters", "at most " + MAX_INVITED + " tester ids (tstr_...)");
        }
        return testers;
    }

    private static Map<String, String> validAnswers(Map<String, String> answers) {
        if (answers == null) {
            return Map.of();
        }
        if (answers.size() > MAX_ANSWERS) {
            throw DomainException.invalid("answers", "at most " + MAX_ANSWERS + " answers");
        }
        Map<String, String> valid = new LinkedHashMap<>();
        answers.forEach((question, answer) -> valid.put(text("answers", question, MAX_QUESTION_LENGTH),
                answer == null ? "" : textUpTo("answers", answer, MAX_ANSWER_LENGTH)));
        return valid;
    }

    private static String text(String field, String value, int maxLength) {
        if (value == null || value.isBlank() || value.strip().length() > maxLength) {
            throw DomainException.invalid(field, "must be 1 to " + maxLength + " characters");
        }
        return value.strip();
    }

    private static String textUpTo(String field, String value, int maxLength) {
        if (value.strip().length() > maxLength) {
            throw DomainException.invalid(field, "must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    /** Optional text: blank means none. */
    private static String optionalText(String field, String value, int maxLength) {
        return value == null || value.isBlank() ? null : text(field, value, maxLength);
    }

    /** Microseconds, as PostgreSQL keeps them: a read model's time is the event's own. */
    private static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
