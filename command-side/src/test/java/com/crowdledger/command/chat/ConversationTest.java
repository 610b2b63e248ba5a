package com.crowdledger.command.chat;

import static com.crowdledger.command.DomainErrors.domainError;
import static com.crowdledger.command.DomainErrors.invalidField;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.instanceOf;

import com.crowdledger.events.chat.ChatMessagePostedEvent;
import com.crowdledger.events.chat.ConversationReadEvent;
import com.crowdledger.events.chat.ConversationStartedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Tenant;
import java.time.Instant;
import java.util.EnumSet;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationTest {
    private static final Instant STARTED_AT = Instant.parse("2026-11-20T09:00:00Z");
    private static final String OWNER_ID = "acct_owner";
    private static final String TESTER_ID = "acct_tester";
    private static final String CONVERSATION_ID = ConversationIds.of(Mode.TEST, OWNER_ID, TESTER_ID);
    private static final Tenant OWNER = new Tenant(OWNER_ID, EnumSet.of(Mode.TEST));
    private static final Tenant TESTER = new Tenant(TESTER_ID, EnumSet.of(Mode.TEST));
    private static final ConversationStartedEvent STARTED = new ConversationStartedEvent(CONVERSATION_ID, OWNER_ID,
            Mode.TEST, TESTER_ID, TESTER_ID, STARTED_AT);

    private FixtureConfiguration<Conversation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Conversation.class);
    }

    private static ChatMessagePostedEvent message(String sender, String text, long sequence) {
        return new ChatMessagePostedEvent("msg_" + sequence, CONVERSATION_ID, OWNER_ID, Mode.TEST, TESTER_ID, sender,
                text, sequence, STARTED_AT);
    }

    @Test
    void thePairsIdIsTheSameFromEitherSideAndDiffersPerModeAndPair() {
        assertThat(ConversationIds.of(Mode.TEST, OWNER_ID, TESTER_ID))
                .isEqualTo(CONVERSATION_ID).startsWith("chat_")
                .isNotEqualTo(ConversationIds.of(Mode.LIVE, OWNER_ID, TESTER_ID))
                .isNotEqualTo(ConversationIds.of(Mode.TEST, OWNER_ID, "acct_other"));
    }

    @Test
    void startingOpensTheConversationOnceAndThenFindsIt() {
        fixture.givenNoPriorActivity()
                .when(new StartConversationCommand(CONVERSATION_ID, OWNER_ID, TESTER_ID, Mode.TEST, TESTER_ID))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(true)
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                instanceOf(ConversationStartedEvent.class),
                                andNoMore())));
        fixture.given(STARTED)
                .when(new StartConversationCommand(CONVERSATION_ID, OWNER_ID, TESTER_ID, Mode.TEST, OWNER_ID))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void eitherParticipantWritesTheTextExactlyAsSentNumberedFromOne() {
        String text = "  Crash 💥 e\u0301 <b>";
        fixture.given(STARTED, message(OWNER_ID, "hello", 1))
                .when(new PostChatMessageCommand(CONVERSATION_ID, TESTER, text))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                matches(payload ->
                                        payload instanceof ChatMessagePostedEvent posted && posted.sequence() == 2
                                                && posted.text().equals(text)
                                                && posted.senderAccountId().equals(TESTER_ID)),
                                andNoMore())));
    }

    @Test
    void anyoneElseAndTheOtherModeFindNoConversation() {
        for (Tenant outsider : new Tenant[] {new Tenant("acct_other", EnumSet.of(Mode.TEST)),
                new Tenant(OWNER_ID, EnumSet.of(Mode.LIVE))}) {
            fixture.given(STARTED)
                    .when(new PostChatMessageCommand(CONVERSATION_ID, outsider, "hi"))
                    .expectException(domainError(ErrorCode.NOT_FOUND));
            fixture.given(STARTED)
                    .when(new ReadConversationCommand(CONVERSATION_ID, outsider))
                    .expectException(domainError(ErrorCode.NOT_FOUND));
        }
    }

    @Test
    void textIsOneTo4000CodePointsNotBlankAndNoLoneSurrogate() {
        for (String refused : new String[] {"", " \n\t", "x".repeat(4001), "😀".repeat(4001), "broken \ud83d"}) {
            fixture.given(STARTED)
                    .when(new PostChatMessageCommand(CONVERSATION_ID, OWNER, refused))
                    .expectException(invalidField("text"));
        }
        fixture.given(STARTED)
                .when(new PostChatMessageCommand(CONVERSATION_ID, OWNER, "😀".repeat(4000)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void readingMarksEverythingSoFarAndAgainRecordsNothing() {
        fixture.given(STARTED, message(OWNER_ID, "one", 1), message(OWNER_ID, "two", 2))
                .when(new ReadConversationCommand(CONVERSATION_ID, TESTER))
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                matches(payload ->
                                        payload instanceof ConversationReadEvent read && read.readUpTo() == 2
                                                && read.readerAccountId().equals(TESTER_ID)),
                                andNoMore())));
        fixture.given(STARTED, message(OWNER_ID, "one", 1), new ConversationReadEvent(CONVERSATION_ID, OWNER_ID,
                        Mode.TEST, TESTER_ID, TESTER_ID, 1, STARTED_AT))
                .when(new ReadConversationCommand(CONVERSATION_ID, TESTER))
                .expectNoEvents();
    }
}
