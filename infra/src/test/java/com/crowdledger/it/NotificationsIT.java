package com.crowdledger.it;

import static com.crowdledger.it.Crowdtesting.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** SPEC §7 notifications: made from domain events, listed and marked read, turned off per type, and streamed live. */
class NotificationsIT extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    /** An owner with an active campaign and a tester who joined it; their conversation. */
    private record Pair(TestAccounts.Registered owner, TestAccounts.Registered tester, String campaignId,
                        String conversationId) {
    }

    private Pair pair() {
        Crowdtesting crowd = new Crowdtesting(api);
        TestAccounts.Registered owner = crowd.owner("test");
        TestAccounts.Registered tester = crowd.tester("test", "ios");
        String campaignId = crowd.active(owner.key());
        ok(crowd.join(tester.key(), campaignId));
        String conversationId = ok(api.post("/v1/chat/conversations").key(owner.key())
                .body(Map.of("contactId", tester.accountId())).send()).path("id").asText();
        return new Pair(owner, tester, campaignId, conversationId);
    }

    private void say(ApiClient client, String key, String conversationId, String text) {
        ok(client.post("/v1/chat/conversations/" + conversationId + "/messages").key(key)
                .body(Map.of("text", text)).send());
    }

    private static JsonNode data(SseClient.Event event) throws Exception {
        return JSON.readTree(event.data());
    }

    private static List<String> texts(List<SseClient.Event> events) throws Exception {
        List<String> texts = new ArrayList<>();
        for (SseClient.Event event : events) {
            texts.add(data(event).path("data").path("text").asText());
        }
        return texts;
    }

    private JsonNode notifications(String key, String query) {
        return ok(api.get("/v1/notifications?limit=100" + query).key(key).send());
    }

    private static JsonNode until(Supplier<JsonNode> read, java.util.function.Predicate<JsonNode> done)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = read.get();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = read.get();
        }
        return last;
    }

    private static boolean hasType(JsonNode items, String type) {
        for (JsonNode item : items) {
            if (item.path("type").asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void anAcceptedBugReachesTheTestersNotificationsAndItsOpenStream() throws Exception {
        Pair pair = pair();
        Crowdtesting crowd = new Crowdtesting(api);
        try (SseClient stream = SseClient.open(api, pair.tester().key(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
            String bugId = crowd.reported(pair.tester().key(), pair.campaignId(), "Login crashes", "critical");
            crowd.bugMovedTo(pair.owner().key(), bugId, "triaged");
            crowd.bugMovedTo(pair.owner().key(), bugId, "accepted");

            SseClient.Event event = stream.next(WAIT);
            assertThat(event).as("an event on the open stream").isNotNull();
            assertThat(event.name()).isEqualTo("notification");
            JsonNode notification = data(event);
            assertThat(notification.path("type").asText()).isEqualTo("bug_accepted");
            assertThat(notification.path("data").path("bugId").asText()).isEqualTo(bugId);
            assertThat(new BigDecimal(notification.path("data").path("reward").path("amount").asText()))
                    .isEqualByComparingTo("4");
            assertThat(notification.path("data").path("reward").path("currency").asText()).isEqualTo("USD");
            assertThat(event.id()).isEqualTo(notification.path("sequence").asText());

            JsonNode listed = notifications(pair.tester().key(), "");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("id").asText()).isEqualTo(notification.path("id").asText())
                    .startsWith("ntf_");
            assertThat(listed.get(0).path("readAt").isNull()).isTrue();
        }
        // the owner was told of the join and of the report
        JsonNode owners = until(() -> notifications(pair.owner().key(), ""), items -> items.size() >= 2);
        assertThat(owners).extracting(n -> n.path("type").asText())
                .containsExactlyInAnyOrder("bug_reported", "tester_joined");
    }

    /**
     * Playtesting makes contacts and notifications too: a claimed slot lets the tester and the owner talk; a
     * submission tells the owner, its acceptance the tester, and the charge that leaves credit low the owner.
     */
    @Test
    void aPlaytestSlotMakesContactsAndItsSubmissionNotifiesBothSides() throws Exception {
        Playtesting play = new Playtesting(api);
        TestAccounts.Registered owner = play.owner("test");
        TestAccounts.Registered tester = play.tester("test");
        play.credited(owner.key(), 1500);
        String playtestId = play.ordered(owner.key(), play.game(owner.key())).path("id").asText();
        String slotId = play.slotIds(owner.key(), playtestId).get(0);

        play.claimedAndSubmitted(tester.key(), slotId);
        ok(api.post("/v1/chat/conversations").key(tester.key()).body(Map.of("contactId", owner.accountId())).send());
        JsonNode forOwner = until(() -> notifications(owner.key(), ""), n -> hasType(n, "submission_received"));
        assertThat(hasType(forOwner, "submission_received")).as(forOwner.toString()).isTrue();

        ok(play.accept(owner.key(), slotId));
        JsonNode forTester = until(() -> notifications(tester.key(), ""), n -> hasType(n, "submission_accepted"));
        assertThat(hasType(forTester, "submission_accepted")).as(forTester.toString()).isTrue();
        JsonNode accepted = forTester.findParents("type").stream()
                .filter(n -> n.path("type").asText().equals("submission_accepted")).findFirst().orElseThrow();
        assertThat(accepted.path("data").path("payout").path("amount").asText()).isEqualTo("6.00");
        JsonNode low = until(() -> notifications(owner.key(), ""), n -> hasType(n, "credit_low"));
        assertThat(hasType(low, "credit_low")).as("10.00 of 15.00 charged: 5.00 left").isTrue();
    }

    @Test
    void notificationsAreReadOneByOneOrAllAtOnce() throws Exception {
        Pair pair = pair();
        for (int i = 1; i <= 3; i++) {
            say(api, pair.owner().key(), pair.conversationId(), "message " + i);
        }
        String tester = pair.tester().key();
        JsonNode unread = until(() -> notifications(tester, "&unread=true"), items -> items.size() == 3);
        assertThat(unread).hasSize(3);
        assertThat(unread.get(0).path("data").path("text").asText()).isEqualTo("message 3");
        assertThat(ok(api.get("/v1/notifications/unread-count").key(tester).send()).path("count").asLong())
                .isEqualTo(3);

        String first = unread.get(2).path("id").asText();
        JsonNode read = ok(api.post("/v1/notifications/" + first + "/read").key(tester).send());
        assertThat(read.path("readAt").isNull()).isFalse();
        assertThat(notifications(tester, "&unread=true")).hasSize(2);
        assertThat(api.post("/v1/notifications/" + first + "/read").key(pair.owner().key()).send().status())
                .as("another recipient's notification").isEqualTo(404);
        assertThat(api.post("/v1/notifications/ntf_unknown/read").key(tester).send().status()).isEqualTo(404);

        assertThat(ok(api.post("/v1/notifications/read-all").key(tester).send()).path("marked").asLong())
                .isEqualTo(2);
        assertThat(ok(api.get("/v1/notifications/unread-count").key(tester).send()).path("count").asLong()).isZero();
        assertThat(notifications(tester, "")).hasSize(3);
    }

    @Test
    void aTypeTurnedOffCreatesNoNotificationFromThenOn() throws Exception {
        Pair pair = pair();
        String tester = pair.tester().key();
        JsonNode unchanged = ok(api.patch("/v1/notifications/preferences").key(tester)
                .body(Map.of("types", List.of())).send());
        assertThat(unchanged.path("types")).allSatisfy(type -> assertThat(type.path("enabled").asBoolean()).isTrue());
        JsonNode off = ok(api.patch("/v1/notifications/preferences").key(tester)
                .body(Map.of("types", List.of(Map.of("type", "new_message", "enabled", false)))).send());
        assertThat(enabled(off, "new_message")).isFalse();
        assertThat(enabled(off, "bug_accepted")).isTrue();
        say(api, pair.owner().key(), pair.conversationId(), "while off");
        ok(api.patch("/v1/notifications/preferences").key(tester)
                .body(Map.of("types", List.of(Map.of("type", "new_message", "enabled", true)))).send());
        say(api, pair.owner().key(), pair.conversationId(), "back on");

        // events are handled in order: once the second message is there, the first one was judged already
        JsonNode listed = until(() -> notifications(tester, ""), items -> hasType(items, "new_message"));
        assertThat(listed).extracting(n -> n.path("data").path("text").asText()).containsExactly("back on");
        JsonNode preferences = until(() -> ok(api.get("/v1/notifications/preferences").key(tester).send()),
                view -> enabled(view, "new_message"));
        assertThat(enabled(preferences, "new_message")).isTrue();

        ApiClient.Response unknownType = api.patch("/v1/notifications/preferences").key(tester)
                .body(Map.of("types", List.of(Map.of("type", "everything", "enabled", false)))).send();
        assertThat(unknownType.status()).as(unknownType.toString()).isIn(400, 422);
        ApiClient.Response noState = api.patch("/v1/notifications/preferences").key(tester)
                .body(Map.of("types", List.of(Map.of("type", "new_message")))).send();
        assertThat(noState.status()).as(noState.toString()).isEqualTo(422);
    }

    private static boolean enabled(JsonNode preferences, String type) {
        for (JsonNode preference : preferences.path("types")) {
            if (preference.path("type").asText().equals(type)) {
                return preference.path("enabled").asBoolean();
            }
        }
        throw new AssertionError("no type " + type + " in " + preferences);
    }

    @Test
    void aBrokenStreamResumedWithLastEventIdMissesNothing() throws Exception {
        Pair pair = pair();
        String lastId;
        try (SseClient stream = SseClient.open(api, pair.tester().key(), null)) {
            say(api, pair.owner().key(), pair.conversationId(), "before the break");
            SseClient.Event first = stream.next(WAIT);
            assertThat(first).isNotNull();
            lastId = first.id();
        }
        for (int i = 1; i <= 5; i++) {
            say(api, pair.owner().key(), pair.conversationId(), "while down " + i);
        }
        until(() -> notifications(pair.tester().key(), ""), items -> items.size() == 6);
        try (SseClient resumed = SseClient.open(api, pair.tester().key(), lastId)) {
            List<SseClient.Event> missed = resumed.next(5, WAIT);
            assertThat(texts(missed)).containsExactly("while down 1", "while down 2", "while down 3", "while down 4",
                    "while down 5");
            say(api, pair.owner().key(), pair.conversationId(), "live again");
            List<SseClient.Event> live = resumed.next(1, WAIT);
            assertThat(texts(live)).containsExactly("live again");
            List<Long> ids = new ArrayList<>();
            for (SseClient.Event event : missed) {
                ids.add(Long.parseLong(event.id()));
            }
            ids.add(Long.parseLong(live.get(0).id()));
            assertThat(ids).isSorted().doesNotHaveDuplicates().allSatisfy(id -> assertThat(id)
                    .isGreaterThan(Long.parseLong(lastId)));
            assertThat(resumed.next(Duration.ofMillis(300))).as("nothing twice").isNull();
        }
    }

    @Test
    void aForgedLastEventIdIsRefusedOrGetsOnlyTheCallersOwn() throws Exception {
        Pair pair = pair();
        for (String forged : List.of("abc", "-1", "1e9", "99999999999999999999")) {
            try (SseClient refused = SseClient.open(api, pair.tester().key(), forged)) {
                assertThat(refused.status()).as(forged).isEqualTo(422);
                assertThat(refused.body()).contains("VALIDATION_ERROR");
            }
        }
        say(api, pair.owner().key(), pair.conversationId(), "someone else's");
        // from 0: everything of the caller's own, nothing of anyone else
        until(() -> notifications(pair.tester().key(), ""), items -> items.size() == 1);
        try (SseClient fromStart = SseClient.open(api, pair.owner().key(), "0")) {
            SseClient.Event own = fromStart.next(WAIT);
            assertThat(own).isNotNull();
            assertThat(data(own).path("type").asText()).isEqualTo("tester_joined");
            assertThat(fromStart.next(Duration.ofMillis(500))).as("nothing of anyone else").isNull();
        }
        // beyond the newest: starts at the caller's newest, and goes on live
        try (SseClient ahead = SseClient.open(api, pair.tester().key(), "999999999999")) {
            say(api, pair.owner().key(), pair.conversationId(), "next one");
            assertThat(texts(ahead.next(1, WAIT))).containsExactly("next one");
        }
    }

    @Test
    void theSixthStreamOfAKeyIsRefused() throws Exception {
        Pair pair = pair();
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                SseClient stream = SseClient.open(api, pair.tester().key(), null);
                open.add(stream);
                assertThat(stream.status()).isEqualTo(200);
            }
            try (SseClient sixth = SseClient.open(api, pair.tester().key(), null)) {
                assertThat(sixth.status()).isEqualTo(429);
                assertThat(sixth.body()).contains("RATE_LIMITED");
                assertThat(sixth.header("Retry-After")).isNotNull();
            }
            String otherKey = accounts.issueKey(pair.tester().key(), "second", List.of("notifications"), "test")
                    .data().path("key").asText();
            try (SseClient otherKeys = SseClient.open(api, otherKey, null)) {
                assertThat(otherKeys.status()).as("the limit is per key").isEqualTo(200);
            }
            say(api, pair.owner().key(), pair.conversationId(), "to all five");
            for (SseClient stream : open) {
                assertThat(texts(stream.next(1, WAIT))).containsExactly("to all five");
            }
            open.remove(0).close();
            SseClient again = awaitStream(pair.tester().key());
            open.add(again);
            assertThat(again.status()).as("a closed stream gives its slot back").isEqualTo(200);
        } finally {
            open.forEach(SseClient::close);
        }
    }

    /** Many keys do not make many streams: an account's keys hold at most 50 together (the default). */
    @Test
    void anAccountsKeysTogetherHoldAtMostItsStreams() throws Exception {
        Pair pair = pair();
        List<String> keys = new ArrayList<>(List.of(pair.tester().key()));
        for (int i = 1; i <= 10; i++) {
            keys.add(accounts.issueKey(pair.tester().key(), "stream " + i, List.of("notifications"), "test").data()
                    .path("key").asText());
        }
        List<SseClient> open = new ArrayList<>();
        try {
            for (String key : keys.subList(0, 10)) {
                for (int i = 0; i < 5; i++) {
                    SseClient stream = SseClient.open(api, key, null);
                    open.add(stream);
                    assertThat(stream.status()).as("stream " + open.size()).isEqualTo(200);
                }
            }
            try (SseClient fiftyFirst = SseClient.open(api, keys.get(10), null)) {
                assertThat(fiftyFirst.status()).as("a key with no stream yet, of an account holding 50").isEqualTo(429);
                assertThat(fiftyFirst.body()).contains("RATE_LIMITED").contains("streams-per-account");
                assertThat(fiftyFirst.header("Retry-After")).isNotNull();
            }
            open.remove(0).close();
            SseClient again = awaitStream(keys.get(10));
            open.add(again);
            assertThat(again.status()).as("a closed stream gives the account its place back").isEqualTo(200);
        } finally {
            open.forEach(SseClient::close);
        }
    }

    /** A key revoked while its stream is open gets nothing more on it (within a heartbeat, 1 s here). */
    @Test
    void aRevokedKeysOpenStreamEnds() throws Exception {
        Pair pair = pair();
        ApiClient.Response issued = accounts.issueKey(pair.tester().key(), "streaming", List.of("notifications"),
                "test");
        String streamingKey = issued.data().path("key").asText();
        try (SseClient stream = SseClient.open(api, streamingKey, null)) {
            assertThat(stream.status()).isEqualTo(200);
            say(api, pair.owner().key(), pair.conversationId(), "before");
            assertThat(texts(stream.next(1, WAIT))).containsExactly("before");

            ok(api.delete("/v1/auth/api-keys/" + issued.data().path("id").asText()).key(pair.tester().key()).send());
            Thread.sleep(2_500); // two heartbeats
            say(api, pair.owner().key(), pair.conversationId(), "after");
            assertThat(stream.next(1, Duration.ofSeconds(3))).as("nothing after the revocation").isEmpty();
        }
    }

    /**
     * A stream whose slot lapsed (its node could not renew it) and was taken by another stream ends at its node's
     * next heartbeat, and leaves the new holder's slot alone: the caps hold across nodes.
     */
    @Test
    void aStreamWhoseSlotWentToAnotherStreamEnds() throws Exception {
        Pair pair = pair();
        ApiClient.Response issued = accounts.issueKey(pair.tester().key(), "streaming", List.of("notifications"),
                "test");
        String keyId = issued.data().path("id").asText();
        try (SseClient stream = SseClient.open(api, issued.data().path("key").asText(), null)) {
            assertThat(stream.status()).isEqualTo(200);
            say(api, pair.owner().key(), pair.conversationId(), "before");
            assertThat(texts(stream.next(1, WAIT))).containsExactly("before");

            // what a claim does to a lapsed slot: another stream holds it now
            assertThat(jdbc.update("update notification_stream_slots set stream_id = 'elsewhere' where key_id = ?",
                    keyId)).isEqualTo(1);
            Thread.sleep(2_500); // two heartbeats
            say(api, pair.owner().key(), pair.conversationId(), "after");
            assertThat(stream.next(1, Duration.ofSeconds(3))).as("nothing after the slot was lost").isEmpty();
            assertThat(jdbc.queryForList("select stream_id from notification_stream_slots where key_id = ?",
                    String.class, keyId)).as("the new holder keeps its slot").containsExactly("elsewhere");
        }
    }

    /** A stream, once the server noticed a closed one (at its next write at the latest: a heartbeat). */
    private SseClient awaitStream(String key) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            SseClient stream = SseClient.open(api, key, null);
            if (stream.status() == 200 || System.nanoTime() > deadline) {
                return stream;
            }
            Thread.sleep(200);
        }
    }

    @Test
    void everyStreamGetsAHeartbeat() throws Exception {
        Pair pair = pair();
        try (SseClient stream = SseClient.open(api, pair.tester().key(), null)) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (stream.comments() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            // the opening comment, then one per heartbeat (1 s in the tests, 15 s by default)
            assertThat(stream.comments()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theStreamIsDescribedAsServerSentEvents() {
        tools.jackson.databind.JsonNode ok = ApiContract.of(api.baseUrl()).document().path("paths")
                .path("/v1/notifications/stream").path("get").path("responses").path("200").path("content");
        assertThat(ok.propertyNames()).containsExactly("text/event-stream");
        assertThat(ok.path("text/event-stream").path("schema").path("type").asString()).isEqualTo("string");
    }

    @Test
    void notificationsNeedTheNotificationsScope() {
        Pair pair = pair();
        String chatOnly = accounts.issueKey(pair.tester().key(), "chat only", List.of("chat"), "test").data()
                .path("key").asText();
        assertThat(api.get("/v1/notifications").key(chatOnly).send().status()).isEqualTo(403);
        try (SseClient refused = SseClient.open(api, chatOnly, null)) {
            assertThat(refused.status()).isEqualTo(403);
        }
    }

    @Test
    void aStreamOnOneNodeGetsWhatCommandsOnTheOtherCause() throws Exception {
        Pair pair = pair();
        ApiClient second = SecondInstance.api(dataSource).from(api.clientAddress());
        try (SseClient onFirst = SseClient.open(api, pair.tester().key(), null);
             SseClient onSecond = SseClient.open(second, pair.owner().key(), null)) {
            assertThat(onSecond.status()).isEqualTo(200);
            say(second, pair.owner().key(), pair.conversationId(), "from the second node");
            assertThat(texts(onFirst.next(1, WAIT))).containsExactly("from the second node");
            say(api, pair.tester().key(), pair.conversationId(), "from the first node");
            assertThat(texts(onSecond.next(1, WAIT))).containsExactly("from the first node");
        }
    }

    @Test
    void rebuildingTheNotificationsMakesNoDuplicates() throws Exception {
        Pair pair = pair();
        say(api, pair.owner().key(), pair.conversationId(), "one");
        say(api, pair.tester().key(), pair.conversationId(), "two");
        until(() -> notifications(pair.owner().key(), ""), items -> items.size() == 2);
        until(() -> notifications(pair.tester().key(), ""), items -> items.size() == 1);
        String readOne = notifications(pair.owner().key(), "").get(0).path("id").asText();
        ok(api.post("/v1/notifications/" + readOne + "/read").key(pair.owner().key()).send());
        String sql = "select * from notifications where account_id in (?, ?) order by sequence";
        Object[] recipients = {pair.owner().accountId(), pair.tester().accountId()};
        List<Map<String, Object>> before = jdbc.queryForList(sql, recipients);
        assertThat(before).hasSize(3);
        // a row lost: the rebuild brings it back, with the id it had
        Map<String, Object> lost = before.get(2);
        jdbc.update("delete from notifications where id = ?", lost.get("id"));

        ApiClient.Response rebuilt = api.post("/admin/read-models/notifications/rebuild")
                .key(TestInfrastructure.ADMIN_TOKEN).send();
        assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);

        List<Map<String, Object>> after = jdbc.queryForList(sql, recipients);
        assertThat(after).hasSize(3);
        assertThat(after.subList(0, 2)).isEqualTo(before.subList(0, 2));
        assertThat(after.get(2).get("id")).isEqualTo(lost.get("id"));
        assertThat(after.get(2).get("title")).isEqualTo(lost.get("title"));
        assertThat(jdbc.queryForObject("select count(*) - count(distinct id) from notifications", Long.class))
                .isZero();
    }
}
