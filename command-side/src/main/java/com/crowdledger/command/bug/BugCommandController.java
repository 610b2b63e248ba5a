package com.crowdledger.command.bug;

import com.crowdledger.events.bug.BugStatus;
import com.crowdledger.events.bug.Resolution;
import com.crowdledger.events.bug.Severity;
import com.crowdledger.queries.bug.BugView;
import com.crowdledger.queries.bug.BugViewer;
import com.crowdledger.queries.bug.FindBugQuery;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.Tenant;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

/** Testers report bugs in campaigns they joined; the campaign's owner moves them through their lifecycle. */
@RestController
@RequestMapping("/v1")
class BugCommandController {
    private final CommandGateway commands;
    private final QueryGateway queries;

    BugCommandController(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record SubmitBug(
            @NotBlank @Size(max = Bug.MAX_TITLE_LENGTH) String title,
            @NotNull Severity severity,
            @NotBlank @Size(max = Bug.MAX_TEXT_LENGTH) String steps,
            @Nullable @Size(max = Bug.MAX_TEXT_LENGTH) String expected,
            @Nullable @Size(max = Bug.MAX_TEXT_LENGTH) String actual,
            @Nullable @Size(max = Bug.MAX_DEVICE_LENGTH) String device) {
    }

    /** {@code resolution} goes with {@code rejected} only; {@code duplicateOf} with resolution {@code duplicate}. */
    record ChangeBug(
            @NotNull BugStatus status,
            @Nullable Resolution resolution,
            @Nullable @Size(max = 100) String duplicateOf) {
    }

    @PostMapping("/campaigns/{id}/bugs")
    @ResponseStatus(HttpStatus.CREATED)
    @Authenticated(scope = Scope.TESTER)
    @Errors(ErrorCode.CONFLICT) // the campaign is not active
    BugView submit(Caller caller, @PathVariable String id, @Valid @RequestBody SubmitBug request) {
        if (!Ids.hasPrefix(id, Ids.CAMPAIGN)) {
            throw DomainException.notFound("Campaign");
        }
        Tenant tester = Tenant.of(caller);
        String bugId = Ids.next(Ids.BUG);
        commands.sendAndWait(new SubmitBugCommand(bugId, tester, id, request.title(), request.severity(),
                request.steps(), request.expected(), request.actual(), request.device()));
        return view(bugId, tester, BugViewer.TESTER);
    }

    @PatchMapping("/bugs/{id}")
    @Authenticated(scope = Scope.CAMPAIGNS)
    // a move the bug's status does not allow; PAYMENT_REQUIRED: billing refuses the reward of an acceptance
    @Errors({ErrorCode.CONFLICT, ErrorCode.PAYMENT_REQUIRED})
    BugView change(Caller caller, @PathVariable String id, @Valid @RequestBody ChangeBug request) {
        if (!Ids.hasPrefix(id, Ids.BUG)) {
            throw DomainException.notFound("Bug");
        }
        Tenant owner = Tenant.of(caller);
        commands.sendAndWait(new ChangeBugCommand(id, owner, request.status(), request.resolution(),
                request.duplicateOf(), Ids.next(Ids.EARNING)));
        return view(id, owner, BugViewer.OWNER);
    }

    private BugView view(String bugId, Tenant tenant, BugViewer viewer) {
        return queries.query(new FindBugQuery(bugId, tenant, viewer), ResponseTypes.optionalInstanceOf(BugView.class))
                .join().orElseThrow(() -> DomainException.notFound("Bug"));
    }
}
