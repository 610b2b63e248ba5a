package com.crowdledger.it.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.crowdledger.it.ApiClient;
import com.crowdledger.it.IntegrationTest;
import com.crowdledger.it.TestAccounts;
import com.crowdledger.it.TestInfrastructure;
import com.crowdledger.it.TrackingFixtures;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Partner postbacks (SPEC §5) delivered by the delivery engine to a real HTTP receiver on 127.0.0.1: the partner's
 * URL is called with its macros expanded and URL-encoded when a conversion is recorded, approved and reversed,
 * retried after 500s, logged on the partner (and nowhere another account or mode can see), never for an event from
 * before the partner had a URL, and never again after a rebuild.
 */
class PartnerPostbackIT extends IntegrationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String MACROS = "?cid={click_id}&conv={conversion_id}&amount={amount}&payout={payout}"
            + "&event={event}&txn={txn_id}&s1={sub1}&s2={sub2}&status={status}";

    @Autowired
    EventProcessingConfiguration processing;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void recordedApprovedAndReversedConversionsCallThePartnersUrlWithItsMacrosExpandedAndEncoded() {
        TrackingFixtures tracking = tracking("test");
        tracking.offer("pb-story", Map.of());
        String path = newPath();
        String partner = partnerWithPostbackUrl(tracking, "pb-story-partner", receiver.url(path) + MACROS);

        ApiClient.Response redirect = tracking.follow(api.fromAnotherAddress(), "pb-story", "pb-story-partner",
                Map.of("sub1", "a b&c=d/é"));
        String click = TrackingFixtures.clickIdIn(redirect.header("Location"));
        ApiClient.Response recorded = tracking.postbackByKey(Map.of("click_id", click, "amount", "49.90",
                "txn_id", "order #1/é"));
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String conversion = recorded.data().path("id").asText();

        String values = "?cid=" + click + "&conv=" + conversion + "&amount=49.90&payout=5.00&event=sale"
                + "&txn=order%20%231%2F%C3%A9&s1=a%20b%26c%3Dd%2F%C3%A9&s2=&status=";
        WebhookReceiver.Received first = awaitRequest(path, 1);
        assertThat(first.method()).isEqualTo("GET");
        assertThat("?" + first.rawQuery()).isEqualTo(values + "pending");
        assertThat(first.header("user-agent")).isEqualTo("Crowdledger-Postbacks/1");

        changeStatus(tracking, conversion, "approved");
        assertThat("?" + awaitRequest(path, 2).rawQuery()).isEqualTo(values + "approved");
        changeStatus(tracking, conversion, "reversed");
        assertThat("?" + awaitRequest(path, 3).rawQuery()).isEqualTo(values + "reversed");

        List<JsonNode> postbacks = postbacks(tracking.key(), partner, "");
        await().atMost(PATIENCE).until(() -> postbacks(tracking.key(), partner, "&status=succeeded").size() == 3);
        assertThat(postbacks).extracting(p -> p.path("eventType").asText())
                .containsExactly("conversion.reversed", "conversion.approved", "conversion.recorded");
        JsonNode reversal = postbacks(tracking.key(), partner, "").get(0);
        assertThat(reversal.path("partnerId").asText()).isEqualTo(partner);
        assertThat(reversal.path("conversionId").asText()).isEqualTo(conversion);
        assertThat(reversal.path("values").path("status").asText()).isEqualTo("reversed");
        assertThat(reversal.path("values").path("sub1").asText()).isEqualTo("a b&c=d/é");
        assertThat(reversal.path("attempts")).hasSize(1);
        assertThat(reversal.path("attempts").get(0).path("statusCode").asInt()).isEqualTo(200);
        assertThat(reversal.toString()).as("the URL, which may hold the partner's credentials, is not shown")
                .doesNotContain("127.0.0.1");
        ApiClient.Response event = api.get("/v1/events/" + reversal.path("eventId").asText()).key(tracking.key())
                .send();
        assertThat(event.status()).as(event.toString()).isEqualTo(200);
        assertThat(event.data().path("type").asText()).isEqualTo("conversion.reversed");
        assertThat(event.data().path("aggregateId").asText()).isEqualTo(conversion);
    }

    @Test
    void aPostbackIsRetriedAfter500sUntilThePartnerTakesItAndCanBeSentAgain() {
        TrackingFixtures tracking = tracking("test");
        tracking.offer("pb-retry", Map.of("holdDays", 0));
        String path = newPath();
        String partner = partnerWithPostbackUrl(tracking, "pb-retry-partner", receiver.url(path) + MACROS);
        receiver.answer(path, 500, 503, 500);
        String click = tracking.click(api.fromAnotherAddress(), "pb-retry", "pb-retry-partner");
        assertThat(tracking.postbackByKey(Map.of("click_id", click)).status()).isEqualTo(201);

        awaitRequest(path, 4);
        assertThat(receiver.at(path)).extracting(WebhookReceiver.Received::rawQuery).as("the same values each time")
                .containsOnly(receiver.at(path).get(0).rawQuery());
        assertThat(receiver.at(path).get(0).rawQuery()).contains("status=approved").contains("txn=&");
        await().atMost(PATIENCE).until(() -> postbacks(tracking.key(), partner, "&status=succeeded").size() == 1);
        JsonNode postback = postbacks(tracking.key(), partner, "").get(0);
        assertThat(postback.path("attempts")).extracting(a -> a.path("statusCode").asInt())
                .containsExactly(500, 503, 500, 200);
        assertThat(postback.path("attempts").get(0).path("error").asText()).isEqualTo("HTTP 500");

        ApiClient.Response retried = api.post("/v1/partners/postbacks/" + postback.path("id").asText() + "/retry")
                .key(tracking.key()).send();
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(awaitRequest(path, 5).rawQuery()).isEqualTo(receiver.at(path).get(0).rawQuery());
    }

    @Test
    void anotherAccountOrModeCannotSeeOrRetryAPartnersPostbacks() {
        TrackingFixtures tracking = tracking("test");
        tracking.offer("pb-private", Map.of("holdDays", 0));
        String path = newPath();
        String partner = partnerWithPostbackUrl(tracking, "pb-private-partner", receiver.url(path) + MACROS);
        String click = tracking.click(api.fromAnotherAddress(), "pb-private", "pb-private-partner");
        assertThat(tracking.postbackByKey(Map.of("click_id", click)).status()).isEqualTo(201);
        awaitRequest(path, 1);
        await().atMost(PATIENCE).until(() -> postbacks(tracking.key(), partner, "").size() == 1);
        String postbackId = postbacks(tracking.key(), partner, "").get(0).path("id").asText();

        String stranger = accounts.verifiedOwner("test").key();
        String otherMode = new WebhookApi(api).keyInMode(tracking.owner(), "live", List.of("tracking", "webhooks"));
        for (String key : List.of(stranger, otherMode)) {
            assertThat(api.get("/v1/partners/" + partner + "/postbacks").key(key).send().status()).isEqualTo(404);
            assertThat(api.post("/v1/partners/postbacks/" + postbackId + "/retry").key(key).send().status())
                    .isEqualTo(404);
        }
        String ownWebhooksKey = new WebhookApi(api).keyInMode(tracking.owner(), "test", List.of("webhooks"));
        assertThat(api.post("/v1/webhooks/deliveries/" + postbackId + "/retry").key(ownWebhooksKey).send().status())
                .as("a postback is not a webhook delivery").isEqualTo(404);
        assertThat(api.get("/v1/partners/prt_nothing/postbacks").key(tracking.key()).send().status()).isEqualTo(404);
        assertThat(receiver.at(path)).as("nothing was sent again").hasSize(1);
    }

    /**
     * The dispatch is stopped while a conversion is recorded, the partner gets its URL, and the conversion is
     * approved: however far behind it runs, only the approval is posted back. Rebuilding the read models it reads
     * sends nothing again, and what follows is posted back once.
     */
    @Test
    void eventsFromBeforeThePartnerHadAUrlAreNotPostedBackAndARebuildSendsNothingAgain() {
        TrackingFixtures tracking = tracking("live");
        tracking.offer("pb-late", Map.of());
        String partner = tracking.partner("pb-late-partner");
        String click = tracking.click(api.fromAnotherAddress(), "pb-late", "pb-late-partner");
        String path = newPath();
        TrackingEventProcessor dispatch = processing.eventProcessor("postback-dispatch", TrackingEventProcessor.class)
                .orElseThrow();
        dispatch.shutDown();
        String conversion;
        try {
            ApiClient.Response recorded = tracking.postbackByKey(Map.of("click_id", click));
            assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
            conversion = recorded.data().path("id").asText();
            ApiClient.Response changed = api.patch("/v1/partners/" + partner).key(tracking.key())
                    .body(Map.of("postbackUrl", receiver.url(path) + MACROS)).send();
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            changeStatus(tracking, conversion, "approved");
        } finally {
            dispatch.start();
        }
        assertThat(awaitRequest(path, 1).rawQuery()).contains("status=approved");

        for (String readModel : List.of("partner-view", "conversion-view", "event-log")) {
            ApiClient.Response rebuilt = api.post("/admin/read-models/" + readModel + "/rebuild")
                    .key(TestInfrastructure.ADMIN_TOKEN).send();
            assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
        }
        changeStatus(tracking, conversion, "reversed");
        assertThat(awaitRequest(path, 2).rawQuery()).contains("status=reversed");
        await().atMost(PATIENCE).until(() -> postbacks(tracking.key(), partner, "&status=succeeded").size() == 2);
        assertThat(receiver.at(path)).hasSize(2);
        assertThat(postbacks(tracking.key(), partner, "")).extracting(p -> p.path("eventType").asText())
                .containsExactly("conversion.reversed", "conversion.approved");
    }

    private TrackingFixtures tracking(String mode) {
        return new TrackingFixtures(api, accounts.verifiedOwner(mode), mode);
    }

    private static String newPath() {
        return "/postbacks/" + UUID.randomUUID();
    }

    private String partnerWithPostbackUrl(TrackingFixtures tracking, String slug, String url) {
        ApiClient.Response created = api.post("/v1/partners").key(tracking.key())
                .body(Map.of("name", "Partner " + slug, "slug", slug, "postbackUrl", url)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.data().path("postbackHost").asText()).isEqualTo("127.0.0.1");
        assertThat(created.data().toString()).doesNotContain("{click_id}");
        return created.data().path("id").asText();
    }

    private void changeStatus(TrackingFixtures tracking, String conversion, String status) {
        ApiClient.Response changed = api.patch("/v1/conversions/" + conversion).key(tracking.key())
                .body(Map.of("status", status)).send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    private WebhookReceiver.Received awaitRequest(String path, int count) {
        await().atMost(PATIENCE).until(() -> receiver.at(path).size() >= count);
        return receiver.at(path).get(count - 1);
    }

    /** Every postback of the partner, newest first (all pages). */
    private List<JsonNode> postbacks(String key, String partner, String query) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            ApiClient.Response page = api.get("/v1/partners/" + partner + "/postbacks?limit=100" + query
                    + (cursor == null ? "" : "&cursor=" + cursor)).key(key).send();
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.data().forEach(all::add);
            cursor = page.json().path("meta").path("hasMore").asBoolean()
                    ? page.json().path("meta").path("cursor").asText() : null;
        } while (cursor != null);
        return all;
    }
}
