package com.crowdledger.command.chat;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.crowdledger.command.snapshot.AggregateSnapshots;
import com.crowdledger.events.chat.ChatMessagePostedEvent;
import com.crowdledger.events.chat.ConversationReadEvent;
import com.crowdledger.events.chat.ConversationStartedEvent;
import com.crowdledger.queries.chat.ChatMessageView;
import com.crowdledger.shared.Ids;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.web.Tenant;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The one conversation of an owner account and a tester account in a mode. Its id derives from the pair
 * ({@link ConversationIds}), and starting it is "create if missing" under the aggregate's lock, so concurrent starts
 * of one pair, on any node, make one conversation. Only its two participants, in its mode, can write in it or read
 * it; for anyone else it does not exist (404).
 */
@Aggregate(snapshotTriggerDefinition = AggregateSnapshots.TRIGGER)
@Revision("1")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
class Conversation {
    static final int MAX_TEXT_CODE_POINTS = 4000;

    @AggregateIdentifier
    private String conversationId;
    private String ownerAccountId;
    private String testerAccountId;
    private Mode mode;
    private long messages;
    private long ownerReadUpTo;
    private long testerReadUpTo;

    Conversation() {
        // for Axon, and for "create if missing"
    }

    /** @return true when this command opened the conversation, false when it existed already */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    boolean handle(StartConversationCommand command) {
        if (conversationId != null) {
            return false;
        }
        apply(new ConversationStartedEvent(command.conversationId(), command.ownerAccountId(), command.mode(),
                command.testerAccountId(), command.startedBy(), now()));
        return true;
    }

    @CommandHandler
    ChatMessageView handle(PostChatMessageCommand command) {
        String sender = requireParticipant(command.sender());
        String text = ChatText.valid(command.text(), MAX_TEXT_CODE_POINTS);
        String messageId = Ids.next(Ids.MESSAGE);
        Instant now = now();
        long sequence = messages + 1;
        apply(new ChatMessagePostedEvent(messageId, conversationId, ownerAccountId, mode, testerAccountId, sender,
                text, sequence, now));
        return new ChatMessageView(messageId, conversationId, sender, text, sequence, now);
    }

    @CommandHandler
    void handle(ReadConversationCommand command) {
        String reader = requireParticipant(command.reader());
        long readUpTo = reader.equals(ownerAccountId) ? ownerReadUpTo : testerReadUpTo;
        if (readUpTo < messages) { // reading again changes nothing and records nothing
            apply(new ConversationReadEvent(conversationId, ownerAccountId, mode, testerAccountId, reader, messages,
                    now()));
        }
    }

    /** The caller's account when it is one of the two participants in the conversation's mode; else 404. */
    private String requireParticipant(Tenant caller) {
        if (conversationId == null || !caller.modes().contains(mode)
                || !(caller.accountId().equals(ownerAccountId) || caller.accountId().equals(testerAccountId))) {
            throw DomainException.notFound("Conversation");
        }
        return caller.accountId();
    }

    @EventSourcingHandler
    void on(ConversationStartedEvent event) {
        conversationId = event.conversationId();
        ownerAccountId = event.accountId();
        testerAccountId = event.testerAccountId();
        mode = event.mode();
    }

    @EventSourcingHandler
    void on(ChatMessagePostedEvent event) {
        messages = event.sequence();
    }

    @EventSourcingHandler
    void on(ConversationReadEvent event) {
        if (event.readerAccountId().equals(ownerAccountId)) {
            ownerReadUpTo = event.readUpTo();
        } else {
            testerReadUpTo = event.readUpTo();
        }
    }

    /** Microseconds, PostgreSQL's precision: a message's position is the same in every read model and cursor. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
