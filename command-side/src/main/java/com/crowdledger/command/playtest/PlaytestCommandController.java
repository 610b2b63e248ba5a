package com.crowdledger.command.playtest;

import com.crowdledger.events.playtest.PlaytestStatus;
import com.crowdledger.events.playtest.PlaytestVisibility;
import com.crowdledger.queries.playtest.FindPlaytestQuery;
import com.crowdledger.queries.playtest.PlaytestView;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Money;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.stream.IntStream;
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

/**
 * An owner orders playtests of its games, edits, completes and cancels them. A private order's charge and the
 * playtest are one transaction: billing's policy charges the order's event before it commits (402 when the credit
 * is short, and nothing is created).
 */
@RestController
@RequestMapping("/v1")
@Authenticated(scope = Scope.GAME_OWNER)
class PlaytestCommandController {
    static final String DEFAULT_CURRENCY = "USD";

    private final CommandGateway commands;
    private final QueryGateway queries;

    PlaytestCommandController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * Money in integer minor units of {@code currency} (default USD): {@code costPerSlotCents} is what a slot costs
     * the owner, {@code payoutCents} (at most the cost) what its tester earns. The i-th of {@code keysForTesters}
     * goes to the tester of the i-th slot. A private playtest names the tester profiles ({@code tstr_...}) it is
     * offered to.
     */
    record OrderPlaytest(
            @NotBlank @Size(max = Playtest.MAX_TITLE_LENGTH) String title,
            @NotNull PlaytestVisibility visibility,
            @NotNull @Min(Playtest.MIN_QUANTITY) @Max(Playtest.MAX_QUANTITY) Integer quantity,
            @NotNull Integer durationMinutes,
            @NotNull @Min(Playtest.MIN_PLAYERS) @Max(Playtest.MAX_PLAYERS) Integer playerCount,
            @Nullable @Size(max = Playtest.MAX_NOTES_LENGTH) String notesForTesters,
            @Nullable @Size(max = Playtest.MAX_QUANTITY)
            List<@NotBlank @Size(max = Playtest.MAX_KEY_LENGTH) String> keysForTesters,
            @NotNull @Min(1) @Max(Playtest.MAX_COST_CENTS) Long costPerSlotCents,
            @NotNull @Min(1) @Max(Playtest.MAX_COST_CENTS) Long payoutCents,
            @Nullable @Size(min = 3, max = 3) String currency,
            @Nullable @Size(max = Playtest.MAX_INVITED) List<@NotBlank @Size(max = 100) String> invitedTesters) {
    }

    /** Fields left out stay as they are; {@code status: completed} closes the playtest. */
    record ChangePlaytest(
            @Nullable @Size(min = 1, max = Playtest.MAX_TITLE_LENGTH) String title,
            @Nullable @Size(max = Playtest.MAX_NOTES_LENGTH) String notesForTesters,
            @Nullable PlaytestStatus status) {
    }

    @PostMapping("/games/{id}/playtests")
    @ResponseStatus(HttpStatus.CREATED)
    // CONFLICT: the game is archived; PAYMENT_REQUIRED: the credit does not cover a private order
    @Errors({ErrorCode.CONFLICT, ErrorCode.PAYMENT_REQUIRED})
    PlaytestView order(Caller caller, @PathVariable String id, @Valid @RequestBody OrderPlaytest request) {
        if (!Ids.hasPrefix(id, Ids.GAME)) {
            throw DomainException.notFound("Game");
        }
        Tenant owner = Tenant.of(caller);
        String currency = request.currency() == null ? DEFAULT_CURRENCY : request.currency();
        String playtestId = Ids.next(Ids.PLAYTEST);
        List<String> slotIds = IntStream.range(0, request.quantity()).mapToObj(n -> Ids.next(Ids.SLOT)).toList();
        commands.sendAndWait(new OrderPlaytestCommand(playtestId, owner, id, request.title(), request.visibility(),
                request.quantity(), request.durationMinutes(), request.playerCount(), request.notesForTesters(),
                request.keysForTesters() == null ? List.of() : request.keysForTesters(),
                cents(request.costPerSlotCents(), currency),
                cents(request.payoutCents(), currency),
                request.invitedTesters() == null ? List.of() : request.invitedTesters(), slotIds));
        return view(playtestId, owner);
    }

    @PatchMapping("/playtests/{id}")
    @Errors(ErrorCode.CONFLICT) // the playtest is completed or cancelled
    PlaytestView change(Caller caller, @PathVariable String id, @Valid @RequestBody ChangePlaytest request) {
        Tenant owner = Tenant.of(caller);
        requirePlaytestId(id);
        commands.sendAndWait(new ChangePlaytestCommand(id, owner, request.title(), request.notesForTesters(),
                request.status()));
        return view(id, owner);
    }

    @PostMapping("/playtests/{id}/cancel")
    @Errors(ErrorCode.CONFLICT) // the playtest is completed
    PlaytestView cancel(Caller caller, @PathVariable String id) {
        Tenant owner = Tenant.of(caller);
        requirePlaytestId(id);
        commands.sendAndWait(new CancelPlaytestCommand(id, owner));
        return view(id, owner);
    }

    /** Minor units of a currency, or 422 naming the field. */
    static Money cents(long cents, String currency) {
        try {
            Money.currencyOf(currency);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("currency", e.getMessage());
        }
        return Money.ofMinor(cents, currency);
    }

    private static void requirePlaytestId(String id) {
        if (!Ids.hasPrefix(id, Ids.PLAYTEST)) {
            throw DomainException.notFound("Playtest");
        }
    }

    private PlaytestView view(String playtestId, Tenant owner) {
        return queries.query(new FindPlaytestQuery(playtestId, owner),
                ResponseTypes.optionalInstanceOf(PlaytestView.class)).join()
                .orElseThrow(() -> DomainException.notFound("Playtest"));
    }
}
