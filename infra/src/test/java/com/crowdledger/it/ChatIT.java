package com.crowdledger.it;

import static com.crowdledger.it.Crowdtesting.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;

/** SPEC §7 chat: contacts, one conversation per pair, messages, read markers and unread counts, and who sees what. */
class ChatIT extends IntegrationTest {

    /** An owner with an active campaign, a tester who joined it (contacts), and one who did not (a stranger). */
    private record Pair(TestAccounts.Registered owner, TestAccounts.Registered tester,
                        TestAccounts.Registered stranger) {
    }

    private Pair pair(String mode) {
        Crowdtesting crowd = new Crowdtesting(api);
        TestAccounts.Registered owner = crowd.owner(mode);
        TestAccounts.Registered tester = crowd.tester(mode, "ios");
        TestAccounts.Registered stranger = crowd.tester(mode, "ios");
        ok(crowd.join(tester.key(), crowd.active(owner.key())));
        return new Pair(owner, tester, stranger);
    }

    private ApiClient.Response start(String key, String contactId) {
        return api.post("/v1/chat/conversations").key(key).body(Map.of("contactId", contactId)).send();
    }

    private ApiClient.Response post(String key, String conversationId, String text) {
        return api.post("/v1/chat/conversations/" + conversationId + "/messages").key(key)
                .body(Map.of("text", text)).send();
    }

    private JsonNode conversation(String key, String conversationId) {
        return ok(api.get("/v1/chat/conversations/" + conversationId).key(key).send());
    }

    @Test
    void anOwnerAndATesterChatWithUnreadCountsRisingAndClearing() {
        Pair pair = pair("test");
        JsonNode ownerContacts = ok(api.get("/v1/chat/contacts").key(pair.owner().key()).send());
        assertThat(ownerContacts).hasSize(1);
        assertThat(ownerContacts.get(0).path("accountId").asText()).isEqualTo(pair.tester().accountId());
        assertThat(ownerContacts.get(0).path("role").asText()).isEqualTo("tester");
        JsonNode testerContacts = ok(api.get("/v1/chat/contacts").key(pair.tester().key()).send());
        assertThat(testerContacts.get(0).path("accountId").asText()).isEqualTo(pair.owner().accountId());

        ApiClient.Response started = start(pair.tester().key(), pair.owner().accountId());
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String conversationId = started.data().path("id").asText();
        assertThat(conversationId).startsWith("chat_");
        ApiClient.Response again = start(pair.owner().key(), pair.tester().accountId());
        assertThat(again.status()).as("the other side finds the same conversation").isEqualTo(200);
        assertThat(again.data().path("id").asText()).isEqualTo(conversationId);
        assertThat(again.data().path("contactAccountId").asText()).isEqualTo(pair.tester().accountId());

        assertThat(post(pair.owner().key(), conversationId, "Thanks for the crash report!").status()).isEqualTo(201);
        assertThat(post(pair.owner().key(), conversationId, "Which iOS version?").status()).isEqualTo(201);
        assertThat(conversation(pair.tester().key(), conversationId).path("unreadCount").asLong()).isEqualTo(2);
        assertThat(conversation(pair.owner().key(), conversationId).path("unreadCount").asLong()).isZero();
        JsonNode listed = ok(api.get("/v1/chat/conversations").key(pair.tester().key()).send());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("unreadCount").asLong()).isEqualTo(2);

        JsonNode read = ok(api.post("/v1/chat/conversations/" + conversationId + "/read").key(pair.tester().key())
                .send());
        assertThat(read.path("unreadCount").asLong()).isZero();
        assertThat(read.path("readUpTo").asLong()).isEqualTo(2);
        assertThat(post(pair.tester().key(), conversationId, "iOS 18.1").status()).isEqualTo(201);
        assertThat(conversation(pair.owner().key(), conversationId).path("unreadCount").asLong()).isEqualTo(1);
        assertThat(conversation(pair.tester().key(), conversationId).path("unreadCount").asLong()).isZero();

        // newest first, cursor paged like every list
        ApiClient.Response first = api.get("/v1/chat/conversations/" + conversationId + "/messages?limit=2")
                .key(pair.owner().key()).send();
        assertThat(first.data()).extracting(m -> m.path("text").asText())
                .containsExactly("iOS 18.1", "Which iOS version?");
        assertThat(first.json().path("meta").path("hasMore").asBoolean()).isTrue();
        JsonNode rest = ok(api.get("/v1/chat/conversations/" + conversationId + "/messages?limit=2&cursor="
                + first.json().path("meta").path("cursor").asText()).key(pair.tester().key()).send());
        assertThat(rest).extracting(m -> m.path("text").asText()).containsExactly("Thanks for the crash report!");
        assertThat(rest.get(0).path("sequence").asLong()).isEqualTo(1);
        assertThat(rest.get(0).path("senderAccountId").asText()).isEqualTo(pair.owner().accountId());
    }

    @Test
    void textIsKeptExactlyAndNeverTreatedAsMarkup() {
        Pair pair = pair("test");
        String conversationId = start(pair.owner().key(), pair.tester().accountId()).data().path("id").asText();
        List<String> texts = List.of(
                "Crash 💥 on 👩🏽‍💻 login",                          // astral code points, a ZWJ sequence, a skin tone
                "שלום عالم mixed with LTR",                          // right-to-left scripts
                "e\u0301 vs \u00e9, Å vs A\u030a",                    // combining marks, not normalized
                "<script>alert(1)</script> & <b>bold</b> \"quotes\"", // markup stays text
                "  leading and trailing spaces \n\t and a new line  ");
        for (String text : texts) {
            ApiClient.Response posted = post(pair.owner().key(), conversationId, text);
            assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
            assertThat(posted.header("Content-Type")).startsWith("application/json");
            assertThat(posted.data().path("text").asText()).isEqualTo(text);
        }
        JsonNode messages = ok(api.get("/v1/chat/conversations/" + conversationId + "/messages?limit=100")
                .key(pair.tester().key()).send());
        assertThat(messages).extracting(m -> m.path("text").asText())
                .containsExactlyElementsOf(reversed(texts));
    }

    private static List<String> reversed(List<String> items) {
        List<String> copy = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(copy);
        return copy;
    }

    @Test
    void textIsOneTo4000CodePoints() {
        Pair pair = pair("test");
        String conversationId = start(pair.owner().key(), pair.tester().accountId()).data().path("id").asText();
        String emoji = "😀"; // one code point, two UTF-16 units
        assertThat(post(pair.owner().key(), conversationId, emoji.repeat(4000)).status()).isEqualTo(201);
        for (String refused : List.of("", "   \n ", emoji.repeat(4001), "x".repeat(4001))) {
            ApiClient.Response answer = post(pair.owner().key(), conversationId, refused);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
            assertThat(answer.json().path("error").path("details").get(0).path("field").asText()).isEqualTo("text");
        }
        ApiClient.Response loneSurrogate = api.post("/v1/chat/conversations/" + conversationId + "/messages")
                .key(pair.owner().key()).body("{\"text\":\"broken \\ud83d here\"}").send();
        assertThat(loneSurrogate.status()).as(loneSurrogate.toString()).isEqualTo(422);
        ApiClient.Response missing = api.post("/v1/chat/conversations/" + conversationId + "/messages")
                .key(pair.owner().key()).body(Map.of()).send();
        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(conversation(pair.owner().key(), conversationId).path("messageCount").asLong()).isEqualTo(1);
    }

    @Test
    void strangersOtherAccountsAndTheOtherModeFindNothing() {
        Pair pair = pair("test");
        String conversationId = start(pair.owner().key(), pair.tester().accountId()).data().path("id").asText();
        post(pair.owner().key(), conversationId, "hello");

        ApiClient.Response refused = start(pair.stranger().key(), pair.owner().accountId());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(start(pair.owner().key(), pair.stranger().accountId()).status()).isEqualTo(403);
        assertThat(start(pair.owner().key(), pair.owner().accountId()).status()).isEqualTo(403);
        assertThat(start(pair.owner().key(), "acct_doesNotExist").status()).isEqualTo(403);

        Crowdtesting crowd = new Crowdtesting(api);
        TestAccounts.Registered otherOwner = crowd.owner("test");
        String liveKeyOfTheOwner = crowd.keyInMode(pair.owner(), "live", List.of("chat"));
        for (String outsider : List.of(pair.stranger().key(), otherOwner.key(), liveKeyOfTheOwner)) {
            assertThat(api.get("/v1/chat/conversations/" + conversationId).key(outsider).send().status())
                    .isEqualTo(404);
            assertThat(api.get("/v1/chat/conversations/" + conversationId + "/messages").key(outsider).send()
                    .status()).isEqualTo(404);
            assertThat(post(outsider, conversationId, "let me in").status()).isEqualTo(404);
            assertThat(api.post("/v1/chat/conversations/" + conversationId + "/read").key(outsider).send().status())
                    .isEqualTo(404);
            assertThat(ok(api.get("/v1/chat/conversations").key(outsider).send())).isEmpty();
        }
        assertThat(api.get("/v1/chat/conversations/chat_unknown123").key(pair.owner().key()).send().status())
                .isEqualTo(404);
        assertThat(post(pair.owner().key(), "chat_unknown123", "x").status()).isEqualTo(404);
        assertThat(api.get("/v1/chat/conversations/not-an-id/messages").key(pair.owner().key()).send().status())
                .isEqualTo(404);
        assertThat(conversation(pair.owner().key(), conversationId).path("messageCount").asLong()).isEqualTo(1);
    }

    @Test
    void chatNeedsTheChatScope() {
        Pair pair = pair("test");
        String campaignsOnly = accounts.issueKey(pair.owner().key(), "no chat", List.of("campaigns"), "test").data()
                .path("key").asText();
        ApiClient.Response refused = api.get("/v1/chat/contacts").key(campaignsOnly).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(start(campaignsOnly, pair.tester().accountId()).status()).isEqualTo(403);
    }

    /** The event log shows a family of events only to keys of its scope: a campaigns key reads no chat text. */
    @Test
    void theEventLogShowsMessagesOnlyToChatKeys() {
        Pair pair = pair("test");
        String conversationId = start(pair.tester().key(), pair.owner().accountId()).data().path("id").asText();
        assertThat(post(pair.owner().key(), conversationId, "the build is in the usual place").status()).isEqualTo(201);
        String chatOnly = accounts.issueKey(pair.owner().key(), "chat", List.of("chat"), "test").data().path("key")
                .asText();
        String campaignsOnly = accounts.issueKey(pair.owner().key(), "no chat", List.of("campaigns"), "test").data()
                .path("key").asText();
        String query = "/v1/events?type=chat.message_posted";
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get(query).key(chatOnly).send().data().size() == 1);
        String eventId = api.get(query).key(chatOnly).send().data().get(0).path("id").asText();
        assertThat(api.get("/v1/events/" + eventId).key(chatOnly).send().status()).isEqualTo(200);

        assertThat(api.get(query).key(campaignsOnly).send().data()).isEmpty();
        assertThat(api.get("/v1/events/" + eventId).key(campaignsOnly).send().status()).isEqualTo(404);
        ApiClient.Response campaignsLog = api.get("/v1/events?limit=100").key(campaignsOnly).send();
        assertThat(campaignsLog.body()).doesNotContain("the build is in the usual place");
        assertThat(campaignsLog.data()).extracting(e -> e.path("type").asText()).isNotEmpty()
                .allMatch(type -> type.startsWith("campaign."));
    }

    @Test
    void twentyConcurrentStartsMakeOneConversation() throws Exception {
        Pair pair = pair("test");
        List<ApiClient.Response> answers = AllAtOnce.send(20, n -> n % 2 == 0
                ? start(pair.owner().key(), pair.tester().accountId())
                : start(pair.tester().key(), pair.owner().accountId()));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 201));
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
        Set<String> ids = answers.stream().map(answer -> answer.data().path("id").asText()).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        assertThat(ok(api.get("/v1/chat/conversations").key(pair.owner().key()).send())).hasSize(1);
    }
}
