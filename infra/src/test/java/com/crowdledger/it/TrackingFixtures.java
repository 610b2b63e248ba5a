package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Affiliate tracking as a client drives it, for the tracking ITs: an owner's brand, offers, partners, clicks on
 * tracking links and postbacks. In tests a tracking day lasts {@link #DAY} (crowdledger.tracking.day).
 */
public final class TrackingFixtures {
    public static final Duration DAY = Duration.ofSeconds(3);

    private final ApiClient api;
    private final TestAccounts.Registered owner;
    private final String brand;
    private final String mode;

    public TrackingFixtures(ApiClient api, TestAccounts.Registered owner, String mode) {
        this.api = api;
        this.owner = owner;
        this.mode = mode;
        this.brand = api.get("/v1/auth/me").key(owner.key()).send().data().path("account").path("slug").asText();
    }

    public record Offer(String id, String slug, String secret, JsonNode json) {
    }

    public String brand() {
        return brand;
    }

    public String key() {
        return owner.key();
    }

    public TestAccounts.Registered owner() {
        return owner;
    }

    /** An offer (USD 40 revenue, 5 payout, 30-day hold and window unless {@code fields} say otherwise). */
    public Offer offer(String slug, Map<String, Object> fields) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", "Offer " + slug, "slug", slug,
                "destinationUrl", "https://shop.example/landing?utm=aff#top", "defaultRevenue", "40.00",
                "defaultPayout", "5.00"));
        body.putAll(fields);
        ApiClient.Response created = api.post("/v1/offers").key(owner.key()).body(body).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Offer(created.data().path("id").asText(), slug, created.data().path("postbackSecret").asText(),
                created.data());
    }

    public String partner(String slug) {
        ApiClient.Response created = api.post("/v1/partners").key(owner.key())
                .body(Map.of("name", "Partner " + slug, "slug", slug)).send();
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.data().path("id").asText();
    }

    /** Follows the partner's tracking link of the offer from {@code visitor}'s address; the 302's response. */
    public ApiClient.Response follow(ApiClient visitor, String offerSlug, String partnerSlug, Map<String, String> more) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("via", partnerSlug);
        query.putAll(more);
        if (mode.equals("test")) {
            query.put("mode", "test");
        }
        return visitor.get("/r/" + brand + "/" + offerSlug + "?" + query(query)).send();
    }

    /** A click's id: follows the link and reads click_id from the redirect. */
    public String click(ApiClient visitor, String offerSlug, String partnerSlug) {
        ApiClient.Response redirect = follow(visitor, offerSlug, partnerSlug, Map.of("sub1", "fb"));
        assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
        return clickIdIn(redirect.header("Location"));
    }

    public static String clickIdIn(String location) {
        String query = URI.create(location).getRawQuery();
        return Arrays.stream(query.split("&")).filter(p -> p.startsWith("click_id="))
                .map(p -> p.substring("click_id=".length())).findFirst().orElseThrow();
    }

    public ApiClient.Response postbackByKey(Map<String, Object> fields) {
        return api.post("/v1/conversions").key(owner.key()).body(fields).send();
    }

    /** {@code GET /postback/<brand>/<offer>?...} with the given query fields (secret included, if any). */
    public ApiClient.Call postbackBySecret(ApiClient sender, String offerSlug, Map<String, String> query) {
        Map<String, String> all = new LinkedHashMap<>(query);
        if (mode.equals("test")) {
            all.put("mode", "test");
        }
        return sender.get("/postback/" + brand + "/" + offerSlug + "?" + query(all));
    }

    public JsonNode report(String key, String query) {
        ApiClient.Response report = api.get("/v1/reports?" + query).key(key).send();
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.data();
    }

    /** Asks until the answer is what {@code done} wants (tracking read models follow within moments). */
    public static <T> T eventually(Supplier<T> ask, Predicate<T> done) {
        Instant deadline = Instant.now().plusSeconds(20);
        T answer = ask.get();
        while (!done.test(answer) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            answer = ask.get();
        }
        return answer;
    }

    public static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
