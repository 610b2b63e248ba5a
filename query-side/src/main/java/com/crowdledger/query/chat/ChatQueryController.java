package com.crowdledger.query.chat;

import com.crowdledger.queries.chat.ChatMessageView;
import com.crowdledger.queries.chat.ConversationView;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Role;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Caller;
import com.crowdledger.shared.web.ListPage;
import com.crowdledger.shared.web.Tenant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Contacts, conversations and messages as a participant sees them, in its key's mode: an owner's key shows its side
 * of the pairs, a tester's key its own. A conversation the caller is not in does not exist for it (404).
 */
@RestController
@RequestMapping("/v1/chat")
@Authenticated(scope = Scope.CHAT)
class ChatQueryController {
    private final ChatContactRowRepository contacts;
    private final ConversationRowRepository conversations;
    private final ChatMessageRowRepository messages;

    ChatQueryController(ChatContactRowRepository contacts, ConversationRowRepository conversations,
                        ChatMessageRowRepository messages) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.messages = messages;
    }

    /** An owner's contacts are the testers who worked for it; a tester's, the accounts it worked for. Newest first. */
    @GetMapping("/contacts")
    ListPage<ChatContactView> contacts(Caller caller, PageRequest page) {
        Tenant me = Tenant.of(caller);
        List<ChatContactRow> rows = isOwner(caller)
                ? contacts.pageOfOwner(me, page.afterCreatedAt(), page.afterId(), page.fetchLimit())
                : contacts.pageOfTester(me, page.afterCreatedAt(), page.afterId(), page.fetchLimit());
        return page.toListPage(rows, ChatContactRow::position, found -> {
            Map<String, ChatAccountRow> accounts = contacts.accounts(found.stream()
                            .map(row -> row.otherThan(me.accountId())).toList()).stream()
                    .collect(Collectors.toMap(ChatAccountRow::accountId, Function.identity()));
            return found.stream().map(row -> {
                ChatAccountRow other = accounts.get(row.otherThan(me.accountId()));
                return new ChatContactView(row.otherThan(me.accountId()), other == null ? "" : other.name(),
                        other == null ? (isOwner(caller) ? Role.TESTER : Role.OWNER) : other.role(), row.since());
            }).toList();
        });
    }

    /** The caller's conversations, newest first, each with its unread count for the caller. */
    @GetMapping("/conversations")
    ListPage<ConversationView> conversations(Caller caller, PageRequest page) {
        Tenant me = Tenant.of(caller);
        List<ConversationRow> rows = isOwner(caller)
                ? conversations.pageOfOwner(me, page.afterCreatedAt(), page.afterId(), page.fetchLimit())
                : conversations.pageOfTester(me, page.afterCreatedAt(), page.afterId(), page.fetchLimit());
        return page.toListPage(rows, ConversationRow::position,
                found -> found.stream().map(row -> row.viewFor(me.accountId())).toList());
    }

    @GetMapping("/conversations/{id}")
    ConversationView conversation(Caller caller, @PathVariable String id) {
        Tenant me = Tenant.of(caller);
        return conversations.find(me, requireConversationId(id)).map(row -> row.viewFor(me.accountId()))
                .orElseThrow(() -> DomainException.notFound("Conversation"));
    }

    /** Newest first; {@code text} is exactly what was sent, as JSON text (render it as text, never as HTML). */
    @GetMapping("/conversations/{id}/messages")
    ListPage<ChatMessageView> messages(Caller caller, @PathVariable String id, PageRequest page) {
        Tenant me = Tenant.of(caller);
        String conversationId = requireConversationId(id);
        List<ChatMessageRow> rows = messages.page(me, conversationId, page.afterCreatedAt(), page.afterId(),
                page.fetchLimit());
        if (rows.isEmpty() && conversations.find(me, conversationId).isEmpty()) {
            throw DomainException.notFound("Conversation");
        }
        return page.toListPage(rows, ChatMessageRow::position,
                found -> found.stream().map(ChatMessageRow::view).toList());
    }

    private static boolean isOwner(Caller caller) {
        return caller.role() == Role.OWNER;
    }

    private static String requireConversationId(String id) {
        if (!Ids.hasPrefix(id, Ids.CHAT)) {
            throw DomainException.notFound("Conversation");
        }
        return id;
    }
}
