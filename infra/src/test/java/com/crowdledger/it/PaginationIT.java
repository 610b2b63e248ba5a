package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The list contract (SPEC §3) through real HTTP, on GET /v1/auth/api-keys: {@code limit} 1–100 (default 20), an
 * opaque signed {@code cursor}, newest first, keyset pages that stay exact while rows are inserted.
 */
class PaginationIT extends IntegrationTest {
    private static final String KEYS = "/v1/auth/api-keys";

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void limitDefaultsTo20() {
        TestAccounts.Registered owner = ownerWithKeys(22);
        ApiClient.Response first = api.get(KEYS).key(owner.key()).send();
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.data()).hasSize(20);
        assertThat(first.json().path("meta").path("hasMore").asBoolean()).isTrue();
        assertThat(first.json().path("meta").path("cursor").asText()).matches("[A-Za-z0-9_-]{40,}");

        ApiClient.Response rest = api.get(KEYS + "?cursor=" + cursor(first)).key(owner.key()).send();
        assertThat(rest.data()).hasSize(2);
        assertThat(rest.json().path("meta").path("hasMore").asBoolean()).isFalse();
        assertThat(rest.json().path("meta").has("cursor")).isFalse();
    }

    @Test
    void limitOutside1To100OrNotANumberIs422OnLimit() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        for (String limit : List.of("0", "101", "abc", "-5", "2.5", "99999999999")) {
            ApiClient.Response response = api.get(KEYS + "?limit=" + limit).key(owner.key()).send();
            assertThat(response.status()).as("limit=%s: %s", limit, response).isEqualTo(422);
            assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
            assertThat(response.json().path("error").path("details").findValuesAsText("field"))
                    .containsExactly("limit");
        }
        assertThat(api.get(KEYS + "?limit=1").key(owner.key()).send().data()).hasSize(1);
        assertThat(api.get(KEYS + "?limit=100").key(owner.key()).send().status()).isEqualTo(200);
        assertThat(api.get(KEYS + "?limit=abc").send().status()).as("who is asking comes first").isEqualTo(401);
    }

    @Test
    void tamperedOrInventedCursorIs422NeverA500() {
        TestAccounts.Registered owner = ownerWithKeys(3);
        String cursor = cursor(api.get(KEYS + "?limit=1").key(owner.key()).send());
        assertThat(api.get(KEYS + "?limit=1&cursor=" + cursor).key(owner.key()).send().status()).isEqualTo(200);

        byte[] random = new byte[60];
        new SecureRandom().nextBytes(random);
        List<String> bad = new ArrayList<>(List.of(
                flip(cursor, 0), flip(cursor, cursor.length() / 2), flip(cursor, cursor.length() - 1),
                cursor.substring(0, cursor.length() - 4), cursor + "AAAA",
                Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                "garbage", "\u0000\u0001\u0002", "😀", "eyJjcmVhdGVkQXQiOiIyMDI2LTAxLTAxIiwiaWQiOiJrZXlfMSJ9",
                "A".repeat(5000)));
        for (String tampered : bad) {
            ApiClient.Response response = api.get(KEYS + "?cursor=" + encode(tampered)).key(owner.key()).send();
            assertThat(response.status()).as("cursor=%s: %s", tampered, response).isEqualTo(422);
            assertThat(response.errorCode()).isEqualTo("VALIDATION_ERROR");
            assertThat(response.json().path("error").path("details").findValuesAsText("field"))
                    .containsExactly("cursor");
        }
    }

    @Test
    void walkingAllPagesReturnsEveryKeyOnceNewestFirst() {
        TestAccounts.Registered owner = ownerWithKeys(25);
        List<JsonNode> all = items(api.get(KEYS + "?limit=100").key(owner.key()).send());
        assertThat(all).hasSize(25);
        assertNewestFirst(all);

        List<ApiClient.Response> pages = walk(owner.key(), KEYS + "?limit=7");
        assertThat(pages).extracting(page -> page.data().size()).containsExactly(7, 7, 7, 4);
        List<String> walked = ids(pages);
        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(idsOf(all));
        ApiClient.Response last = pages.get(pages.size() - 1);
        assertThat(last.json().path("meta").path("hasMore").asBoolean()).isFalse();
        assertThat(last.json().path("meta").has("cursor")).isFalse();
        pages.subList(0, pages.size() - 1).forEach(page ->
                assertThat(page.json().path("meta").path("hasMore").asBoolean()).isTrue());
    }

    @Test
    void keysIssuedDuringTheWalkDoNotShiftThePages() {
        TestAccounts.Registered owner = ownerWithKeys(12);
        List<String> before = ids(List.of(api.get(KEYS + "?limit=100").key(owner.key()).send()));

        ApiClient.Response first = api.get(KEYS + "?limit=5").key(owner.key()).send();
        List<String> added = IntStream.range(0, 3)
                .mapToObj(i -> accounts.issueKey(owner.key(), "late " + i, List.of("tracking"), "test"))
                .map(issued -> issued.data().path("id").asText())
                .toList();
        List<ApiClient.Response> pages = new ArrayList<>(List.of(first));
        pages.addAll(walk(owner.key(), KEYS + "?limit=5&cursor=" + cursor(first)));

        List<String> walked = ids(pages);
        assertThat(walked).doesNotHaveDuplicates().containsExactlyElementsOf(before).doesNotContainAnyElementsOf(added);
        assertThat(ids(List.of(api.get(KEYS + "?limit=5").key(owner.key()).send())))
                .as("the new keys are on a new first page")
                .startsWith(added.get(2), added.get(1), added.get(0));
    }

    @Test
    void anotherAccountsCursorShowsOnlyTheCallersOwnKeys() {
        TestAccounts.Registered bob = ownerWithKeys(4);
        TestAccounts.Registered alice = ownerWithKeys(6);
        List<String> bobs = ids(List.of(api.get(KEYS + "?limit=100").key(bob.key()).send()));
        List<String> alices = ids(List.of(api.get(KEYS + "?limit=100").key(alice.key()).send()));
        String alicesCursor = cursor(api.get(KEYS + "?limit=2").key(alice.key()).send());

        ApiClient.Response bobWithAlicesCursor = api.get(KEYS + "?cursor=" + alicesCursor).key(bob.key()).send();
        assertThat(bobWithAlicesCursor.status()).isEqualTo(200);
        List<String> seen = ids(List.of(bobWithAlicesCursor));
        assertThat(seen).as("bob's keys are older than alice's cursor").isNotEmpty();
        assertThat(bobs).containsAll(seen);
        assertThat(seen).doesNotContainAnyElementsOf(alices);
    }

    /**
     * Rows written straight into the read model, to get what the API cannot make on demand: several keys created in
     * the same microsecond (the id breaks the tie), keys a microsecond apart, a timestamp finer than PostgreSQL keeps,
     * and both modes. They have no events behind them, so they are deleted afterwards (RebuildIT compares the
     * rebuilt read model with the live one row for row).
     */
    @Test
    void keysCreatedInTheSameMicrosecondAreEachListedOnceInEitherMode() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        try {
            keysCreatedInTheSameMicrosecondAreEachListedOnceInEitherMode(owner);
        } finally {
            jdbc.update("delete from api_keys where account_id = ? and id like 'key_tie%'", owner.accountId());
        }
    }

    private void keysCreatedInTheSameMicrosecondAreEachListedOnceInEitherMode(TestAccounts.Registered owner) {
        Instant at = Instant.parse("2020-06-01T12:00:00.123456Z");
        List<String> testIds = new ArrayList<>();
        List<String> liveIds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // six ties, then 1, 2, 3 µs later, then 0.4 µs later (stored rounded to a whole microsecond: a tie again)
            Instant createdAt = i < 6 ? at : i < 9 ? at.plusNanos(1000L * (i - 5)) : at.plusNanos(400);
            String mode = i % 3 == 0 ? "LIVE" : "TEST";
            String id = "key_tie" + UUID.randomUUID().toString().replace("-", "");
            jdbc.update("""
                    insert into api_keys (id, account_id, mode, name, scopes, prefix, secret_hash, created_at)
                    values (?, ?, ?, ?, '{keys}', ?, 'not a hash', ?)""",
                    id, owner.accountId(), mode, "tie " + i, "tpk_tie" + i, Timestamp.from(createdAt));
            (mode.equals("LIVE") ? liveIds : testIds).add(id);
        }

        List<String> walkedTest = ids(walk(owner.key(), KEYS + "?limit=2"));
        assertThat(walkedTest).doesNotHaveDuplicates().contains(owner.keyId())
                .containsAll(testIds).doesNotContainAnyElementsOf(liveIds).hasSize(testIds.size() + 1);
        assertThat(api.get(KEYS + "?mode=live").key(owner.key()).send().data()).as("a key sees its own mode only")
                .isEmpty();

        String session = sessionCookie(owner.email());
        List<String> walkedBoth = ids(walk(session, KEYS + "?limit=2"));
        assertThat(walkedBoth).doesNotHaveDuplicates().containsAll(testIds).containsAll(liveIds)
                .hasSize(testIds.size() + liveIds.size() + 1);
        List<String> walkedLive = ids(walk(session, KEYS + "?mode=live&limit=1"));
        assertThat(walkedLive).containsExactlyInAnyOrderElementsOf(liveIds);
        List<JsonNode> all = items(api.get(KEYS + "?limit=100").header("Cookie", session).send());
        assertNewestFirst(all);
        assertThat(idsOf(all)).containsExactlyElementsOf(walkedBoth);
    }

    @Test
    void pagingAnswersUnderTheApiPrefixToo() {
        TestAccounts.Registered owner = ownerWithKeys(3);
        ApiClient.Response first = api.get("/api" + KEYS + "?limit=2").key(owner.key()).send();
        assertThat(first.data()).hasSize(2);
        ApiClient.Response second = api.get("/api" + KEYS + "?limit=2&cursor=" + cursor(first)).key(owner.key())
                .send();
        assertThat(second.data()).hasSize(1);
    }

    /** A verified owner with its first key (scope keys) and {@code count - 1} more, {@code count} keys in all. */
    private TestAccounts.Registered ownerWithKeys(int count) {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        for (int i = 1; i < count; i++) {
            ApiClient.Response issued = accounts.issueKey(owner.key(), "key " + i, List.of("tracking"), "test");
            assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        }
        return owner;
    }

    /** Every page from {@code path} on, following meta.cursor; {@code credential} is a key or a session cookie. */
    private List<ApiClient.Response> walk(String credential, String path) {
        List<ApiClient.Response> pages = new ArrayList<>();
        String next = path;
        while (next != null) {
            ApiClient.Call call = api.get(next);
            ApiClient.Response page = (credential.startsWith("tpk_") ? call.key(credential)
                    : call.header("Cookie", credential)).send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            pages.add(page);
            assertThat(pages).as("the walk ends").hasSizeLessThan(100);
            boolean hasMore = page.json().path("meta").path("hasMore").asBoolean();
            assertThat(page.json().path("meta").has("cursor")).isEqualTo(hasMore);
            next = hasMore ? path.replaceAll("[?&]cursor=[^&]*", "") + (path.contains("?") ? "&" : "?")
                    + "cursor=" + cursor(page) : null;
        }
        return pages;
    }

    private String sessionCookie(String email) {
        ApiClient.Response login = api.post("/v1/auth/login")
                .body(Map.of("email", email, "password", TestAccounts.PASSWORD)).send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.header("Set-Cookie").split(";", 2)[0];
    }

    private static String cursor(ApiClient.Response page) {
        String cursor = page.json().path("meta").path("cursor").asText(null);
        assertThat(cursor).as("meta.cursor of " + page).isNotNull();
        return cursor;
    }

    private static List<String> ids(List<ApiClient.Response> pages) {
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> page.data().forEach(item -> ids.add(item.path("id").asText())));
        return ids;
    }

    private static List<String> idsOf(List<JsonNode> items) {
        return items.stream().map(item -> item.path("id").asText()).toList();
    }

    private static List<JsonNode> items(ApiClient.Response page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        page.data().forEach(items::add);
        return items;
    }

    /** createdAt never increases along the list, and ties are ordered by id, descending. */
    private static void assertNewestFirst(List<JsonNode> items) {
        for (int i = 1; i < items.size(); i++) {
            Instant previous = Instant.parse(items.get(i - 1).path("createdAt").asText());
            Instant current = Instant.parse(items.get(i).path("createdAt").asText());
            assertThat(current).isBeforeOrEqualTo(previous);
            if (current.equals(previous)) {
                assertThat(items.get(i).path("id").asText()).isLessThan(items.get(i - 1).path("id").asText());
            }
        }
    }

    /** The cursor with one character replaced by another of the base64url alphabet. */
    private static String flip(String cursor, int index) {
        char c = cursor.charAt(index);
        char replacement = c == 'A' ? 'B' : 'A';
        return cursor.substring(0, index) + replacement + cursor.substring(index + 1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
