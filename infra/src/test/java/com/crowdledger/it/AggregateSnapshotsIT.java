package com.crowdledger.it;

import static com.crowdledger.it.Crowdtesting.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crowdledger.command.billing.BillingAccounts;
import com.crowdledger.shared.Mode;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Aggregates whose streams grow without end are snapshotted, and what a snapshot holds is what their events made:
 * commands after it decide exactly as if the whole stream had been replayed.
 */
class AggregateSnapshotsIT extends IntegrationTest {
    @Autowired
    EventStore eventStore;

    /** The first message Axon replays for the aggregate, once it is a snapshot of the aggregate (taken after commit). */
    private DomainEventMessage<?> awaitSnapshot(String aggregateId, String aggregateType) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> eventStore.readEvents(aggregateId).next(),
                first -> first.getType().endsWith(aggregateType));
    }

    @Test
    void aConversationOfManyMessagesLoadsFromItsSnapshotAndKeepsCounting() {
        Crowdtesting crowd = new Crowdtesting(api);
        TestAccounts.Registered owner = crowd.owner("test");
        TestAccounts.Registered tester = crowd.tester("test", "ios");
        ok(crowd.join(tester.key(), crowd.active(owner.key())));
        String conversationId = ok(api.post("/v1/chat/conversations").key(owner.key())
                .body(Map.of("contactId", tester.accountId())).send()).path("id").asText();
        for (int i = 1; i <= 45; i++) {
            ok(api.post("/v1/chat/conversations/" + conversationId + "/messages").key(owner.key())
                    .body(Map.of("text", "message " + i)).send());
        }

        DomainEventMessage<?> first = awaitSnapshot(conversationId, "Conversation");
        assertThat(first.getSequenceNumber()).isGreaterThanOrEqualTo(20);

        JsonNode next = ok(api.post("/v1/chat/conversations/" + conversationId + "/messages").key(tester.key())
                .body(Map.of("text", "the 46th")).send());
        assertThat(next.path("sequence").asLong()).as("the count survived the snapshot").isEqualTo(46);
        JsonNode read = ok(api.post("/v1/chat/conversations/" + conversationId + "/read").key(tester.key()).send());
        assertThat(read.path("readUpTo").asLong()).isEqualTo(46);
    }

    @Test
    void aBillingAccountOfManyTopUpsLoadsFromItsSnapshotAndNumbersInvoicesOnWithoutGaps() {
        Playtesting play = new Playtesting(api);
        TestAccounts.Registered owner = play.owner("test");
        String key = owner.key();
        for (int i = 1; i <= 12; i++) { // two events each: started, then purchased
            JsonNode payment = play.credited(key, 1_000);
            assertThat(payment.path("invoiceNumber").asText()).isEqualTo("TEST-%06d".formatted(i));
        }

        awaitSnapshot(BillingAccounts.idOf(owner.accountId(), Mode.TEST), "BillingAccount");

        assertThat(play.credited(key, 1_000).path("invoiceNumber").asText()).isEqualTo("TEST-000013");
        assertThat(play.balance(key)).isEqualTo(13_000);
        assertThat(play.ledgerSum(key)).isEqualTo(13_000);
    }
}
