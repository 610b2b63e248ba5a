package com.crowdledger.command.playtest;

import com.crowdledger.queries.playtest.FindSlotQuery;
import com.crowdledger.queries.playtest.SlotView;
import com.crowdledger.queries.playtest.SlotViewer;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.ScalarText;
import com.crowdledger.shared.web.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A slot's lifecycle: testers claim and submit; the playtest's owner accepts (the tester earns its payout; a public
 * playtest charges its cost now, 402 when the credit is short) or rejects. Every slot command is a command on its
 * playtest, so they take turns: of 50 testers racing for 10 slots, 10 get one.
 */
@RestController
@RequestMapping("/v1/slots/{id}")
class SlotCommandController {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final SlotLookup slots;
    private final SlotClaiming claiming;

    SlotCommandController(CommandGateway commands, QueryGateway queries, SlotLookup slots, SlotClaiming claiming) {
        this.commands = commands;
        this.queries = queries;
        this.slots = slots;
        this.claiming = claiming;
    }

    /** A video of the session (https), optional notes, and answers to the owner's questions. */
    record SubmitPlaytest(
            @NotBlank @Size(max = 2000) String videoUrl,
            @Nullable @Size(max = Playtest.MAX_NOTES_LENGTH) String notes,
            @Nullable @Size(max = Playtest.MAX_ANSWERS) @ScalarText Map<String, String> answers) {
    }

    record RejectSubmission(@NotBlank @Size(max = Playtest.MAX_REASON_LENGTH) String reason) {
    }

    @PostMapping("/claim")
    @Authenticated(scope = Scope.TESTER)
    @Errors(ErrorCode.CONFLICT) // the slot is taken, the tester holds another slot of the playtest, or it ended
    SlotView claim(Caller caller, @PathVariable String id) {
        Tenant tester = Tenant.of(caller);
        claiming.claim(tester, playtestOf(id), id);
        return view(id, tester, SlotViewer.TESTER);
    }

    @PostMapping("/submit")
    @Authenticated(scope = Scope.TESTER)
    @Errors(ErrorCode.CONFLICT) // already submitted (a slot the tester does not hold is 404)
    SlotView submit(Caller caller, @PathVariable String id, @Valid @RequestBody SubmitPlaytest request) {
        Tenant tester = Tenant.of(caller);
        commands.sendAndWait(new SubmitPlaytestCommand(playtestOf(id), id, tester, Ids.next(Ids.SUBMISSION),
                request.videoUrl(), request.notes(), request.answers() == null ? Map.of() : request.answers()));
        return view(id, tester, SlotViewer.TESTER);
    }

    @PostMapping("/accept")
    @Authenticated(scope = Scope.GAME_OWNER)
    // CONFLICT: nothing submitted, or already rejected; PAYMENT_REQUIRED: a public playtest's cost is not covered
    @Errors({ErrorCode.CONFLICT, ErrorCode.PAYMENT_REQUIRED})
    SlotView accept(Caller caller, @PathVariable String id) {
        Tenant owner = Tenant.of(caller);
        commands.sendAndWait(new ReviewSubmissionCommand(playtestOf(id), id, owner, true, null,
                Ids.next(Ids.EARNING)));
        return view(id, owner, SlotViewer.OWNER);
    }

    @PostMapping("/reject")
    @Authenticated(scope = Scope.GAME_OWNER)
    @Errors(ErrorCode.CONFLICT) // nothing submitted, or already accepted
    SlotView reject(Caller caller, @PathVariable String id, @Valid @RequestBody RejectSubmission request) {
        Tenant owner = Tenant.of(caller);
        commands.sendAndWait(new ReviewSubmissionCommand(playtestOf(id), id, owner, false, request.reason(),
                Ids.next(Ids.EARNING)));
        return view(id, owner, SlotViewer.OWNER);
    }

    private String playtestOf(String slotId) {
        if (!Ids.hasPrefix(slotId, Ids.SLOT)) {
            throw DomainException.notFound("Slot");
        }
        return slots.playtestOf(slotId).orElseThrow(() -> DomainException.notFound("Slot"));
    }

    private SlotView view(String slotId, Tenant tenant, SlotViewer viewer) {
        return queries.query(new FindSlotQuery(slotId, tenant, viewer),
                        ResponseTypes.optionalInstanceOf(SlotView.class))
                .join().orElseThrow(() -> DomainException.notFound("Slot"));
    }
}
