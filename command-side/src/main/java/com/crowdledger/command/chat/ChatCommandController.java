package com.crowdledger.command.chat;

import com.crowdledger.queries.chat.ChatMessageView;
import com.crowdledger.queries.chat.ConversationView;
import com.crowdledger.queries.chat.FindConversationQuery;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Role;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.Tenant;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Owners and testers talk (SPEC §7), each with a {@code chat} key of its own account: an owner with the testers who
 * worked for it, a tester with the accounts it worked for, in the key's mode. Messages are JSON text, never HTML.
 */
@RestController
@RequestMapping("/v1/chat/conversations")
@Authenticated(scope = Scope.CHAT)
class ChatCommandController {
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final ChatContactLookup contacts;

    ChatCommandController(CommandGateway commands, QueryGateway queries, ChatContactLookup contacts) {
        this.commands = commands;
        this.queries = queries;
        this.contacts = contacts;
    }

    /** {@code contactId}: the account id of a contact ({@code GET /v1/chat/contacts}). */
    record StartConversation(@NotNull String contactId) {
    }

    /** {@code text}: 1 to 4,000 characters (code points), kept exactly as sent. */
    record PostMessage(@NotNull String text) {
    }

    /**
     * The conversation with a contact: 201 when this call opened it, 200 with the same conversation when it existed
     * (one per pair, also when both sides start it at once). Anyone who is not a contact: 403.
     */
    @PostMapping
    @Errors(ErrorCode.FORBIDDEN)
    @ApiResponse(responseCode = "201", description = "The conversation, opened by this call",
            content = @Content(schema = @Schema(implementation = ConversationView.class)))
    @ApiResponse(responseCode = "200", description = "The conversation of this pair, which existed already",
            content = @Content(schema = @Schema(implementation = ConversationView.class)))
    ResponseEntity<ConversationView> start(Caller caller, @Valid @RequestBody StartConversation request) {
        Tenant me = Tenant.of(caller);
        String contact = request.contactId();
        boolean owner = caller.role() == Role.OWNER;
        String ownerAccountId = owner ? caller.accountId() : contact;
        String testerAccountId = owner ? contact : caller.accountId();
        if (!Ids.hasPrefix(contact, Ids.ACCOUNT) || !contacts.contacts(caller.mode(), ownerAccountId, testerAccountId)) {
            throw DomainException.forbidden("Conversations are only with contacts: testers who worked for the account "
                    + "(joined one of its campaigns), in the key's mode");
        }
        String conversationId = ConversationIds.of(caller.mode(), ownerAccountId, testerAccountId);
        boolean created = commands.sendAndWait(new StartConversationCommand(conversationId, ownerAccountId,
                testerAccountId, caller.mode(), caller.accountId()));
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view(conversationId, me));
    }

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    ChatMessageView post(Caller caller, @PathVariable String id, @Valid @RequestBody PostMessage request) {
        return commands.sendAndWait(new PostChatMessageCommand(requireConversationId(id), Tenant.of(caller),
                request.text()));
    }

    /** Everything the contact wrote so far is read: the conversation's unread count is 0 for the caller. */
    @PostMapping("/{id}/read")
    ConversationView read(Caller caller, @PathVariable String id) {
        Tenant me = Tenant.of(caller);
        commands.sendAndWait(new ReadConversationCommand(requireConversationId(id), me));
        return view(id, me);
    }

    private ConversationView view(String conversationId, Tenant participant) {
        return queries.query(new FindConversationQuery(conversationId, participant),
                        ResponseTypes.optionalInstanceOf(ConversationView.class))
                .join().orElseThrow(() -> DomainException.notFound("Conversation"));
    }

    static String requireConversationId(String id) {
        if (!Ids.hasPrefix(id, Ids.CHAT)) {
            throw DomainException.notFound("Conversation");
        }
        return id;
    }
}
