package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.shared.crypto.Digests;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The click redirect: only ever to the offer's stored destination, a plain 404 page for anything it does not know,
 * limits per offer rather than per visitor, and the visitor's address kept only as a keyed fingerprint.
 */
class ClickRedirectIT extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;

    private TrackingFixtures tracking;

    @BeforeEach
    void offerAndPartner() {
        tracking = new TrackingFixtures(api, accounts.verifiedOwner("live"), "live");
        tracking.offer("deal", Map.of("destinationUrl", "https://shop.example/p?x=1#frag"));
        tracking.partner("pat");
    }

    @Test
    void nothingInTheRequestChangesWhereTheClickLeads() {
        ApiClient visitor = api.fromAnotherAddress();
        for (Map<String, String> attempt : List.of(
                Map.of("url", "https://evil.example/"), Map.of("redirect", "//evil.example"),
                Map.of("destinationUrl", "https://evil.example"), Map.of("click_id", "evil"),
                Map.of("sub1", "https://evil.example/\r\nLocation: https://evil.example"))) {
            ApiClient.Response redirect = tracking.follow(visitor, "deal", "pat", attempt);
            assertThat(redirect.status()).as(attempt.toString()).isEqualTo(302);
            URI location = URI.create(redirect.header("Location"));
            assertThat(location.getHost()).isEqualTo("shop.example");
            assertThat(location.getRawQuery()).matches("x=1&click_id=clk_[0-9A-Za-z]+");
            assertThat(location.getRawFragment()).isEqualTo("frag");
            assertThat(redirect.header("Cache-Control")).contains("no-store");
        }
    }

    @Test
    void unknownOrPausedTargetsGetA404PageAndNoRedirect() {
        String offerId = api.get("/v1/offers").key(tracking.key()).send().data().get(0).path("id").asText();
        tracking.offer("paused", Map.of());
        String pausedOfferId = api.get("/v1/offers").key(tracking.key()).send().data().get(0).path("id").asText();
        api.patch("/v1/offers/" + pausedOfferId).key(tracking.key()).body(Map.of("status", "paused")).send();
        String quiet = tracking.partner("quiet");
        api.patch("/v1/partners/" + quiet).key(tracking.key()).body(Map.of("status", "paused")).send();
        ApiClient visitor = api.fromAnotherAddress();

        for (String path : List.of("/r/no-such-brand/deal?via=pat", "/r/" + tracking.brand() + "/nope?via=pat",
                "/r/" + tracking.brand() + "/deal?via=nobody", "/r/" + tracking.brand() + "/deal",
                "/r/" + tracking.brand() + "/paused?via=pat", "/r/" + tracking.brand() + "/deal?via=quiet",
                "/r/" + tracking.brand() + "/deal?via=pat&mode=test", "/r/" + tracking.brand() + "/deal?via=pat&mode=x",
                "/r/" + tracking.brand() + "/" + offerId + "?via=pat",
                "/r/" + tracking.brand() + "/deal?via=" + "p".repeat(300))) {
            ApiClient.Response page = visitor.get(path).send();
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.header("Location")).isNull();
            assertThat(page.header("Content-Type")).startsWith("text/html");
            assertThat(page.body()).contains("This link leads nowhere").doesNotContain("pat", "nobody", "nope");
        }
        // paused again → active: the link works again
        api.patch("/v1/offers/" + pausedOfferId).key(tracking.key()).body(Map.of("status", "active")).send();
        assertThat(tracking.follow(visitor, "paused", "pat", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void clicksAreLimitedPerOfferNotPerVisitorAddress() {
        ApiClient busyProxy = api.fromAnotherAddress(); // the anonymous limit is 60 a minute per address
        for (int i = 0; i < 70; i++) {
            ApiClient.Response redirect = tracking.follow(busyProxy, "deal", "pat", Map.of());
            assertThat(redirect.status()).as("click " + i).isEqualTo(302);
            assertThat(Long.parseLong(redirect.header("X-RateLimit-Limit"))).isGreaterThan(60);
        }
    }

    @Test
    void oneAddressCannotSpendAnOffersWholeLimit() {
        RateLimitIT.awaitFreshMinute();
        ApiClient flooder = api.fromAnotherAddress();
        ApiClient.Response capped = null;
        int accepted = 0;
        // 600 a minute: the first refusal comes after 600 clicks, or after 1,200 if a minute turned on the way
        while (capped == null && accepted <= 1_200) {
            ApiClient.Response click = tracking.follow(flooder, "deal", "pat", Map.of());
            if (click.status() == 302) {
                accepted++;
            } else {
                capped = click;
            }
        }
        assertThat(accepted).isBetween(600, 1_200);
        assertThat(capped).isNotNull();
        assertThat(capped.status()).as(capped.toString()).isEqualTo(429);
        assertThat(capped.errorCode()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(capped.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(capped.header("X-RateLimit-Limit")).isEqualTo("600");
        // every other visitor still clicks through
        assertThat(tracking.follow(api.fromAnotherAddress(), "deal", "pat", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void linksThatLeadNowhereUseUpTheVisitorsAddressLimit() {
        RateLimitIT.awaitFreshMinute();
        ApiClient prober = api.fromAnotherAddress();
        int throttledAt = -1;
        for (int i = 0; i < 70 && throttledAt < 0; i++) {
            if (prober.get("/r/" + tracking.brand() + "/guess-" + i + "?via=pat").send().status() == 429) {
                throttledAt = i;
            }
        }
        assertThat(throttledAt).isBetween(55, 62);
        // the links that work still work for everyone else
        assertThat(tracking.follow(api.fromAnotherAddress(), "deal", "pat", Map.of()).status()).isEqualTo(302);
    }

    @Test
    void theVisitorsAddressIsKeptOnlyAsAKeyedFingerprint() {
        ApiClient visitor = api.fromAnotherAddress();
        String click = tracking.click(visitor, "deal", "pat");
        String otherClick = tracking.click(visitor, "deal", "pat");

        Map<String, Object> stored = jdbc.queryForMap("""
                select convert_from(payload, 'UTF8') as payload, convert_from(meta_data, 'UTF8') as meta_data, type
                from domain_event_entry where aggregate_identifier = ?""", click);
        String payload = (String) stored.get("payload");
        String metaData = (String) stored.get("meta_data");
        assertThat(stored.get("type")).isEqualTo("Click");
        assertThat(payload).doesNotContain(visitor.clientAddress()).contains("\"addressHash\":\"");
        assertThat(metaData).doesNotContain(visitor.clientAddress()).doesNotContain("clientAddress")
                .contains("\"actor\":\"anonymous\"");
        String hash = payload.replaceAll(".*\"addressHash\":\"([0-9a-f]+)\".*", "$1");
        assertThat(hash).hasSize(64).isNotEqualTo(Digests.sha256Hex(visitor.clientAddress()));
        String otherPayload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ?", String.class, otherClick);
        assertThat(otherPayload).contains("\"addressHash\":\"" + hash + "\"");
    }

    @Test
    void aLongSubIdIsCutBetweenCharactersNeverInsideOne() {
        String kept = "a".repeat(254);
        // the 255th char, where sub ids are cut, is the first half of the emoji
        ApiClient.Response redirect = tracking.follow(api.fromAnotherAddress(), "deal", "pat",
                Map.of("sub1", kept + "\uD83D\uDE00 and more"));
        assertThat(redirect.status()).as(redirect.toString()).isEqualTo(302);
        String click = TrackingFixtures.clickIdIn(redirect.header("Location"));
        String payload = jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ?", String.class, click);
        assertThat(payload).contains("\"sub1\":\"" + kept + "\"");
    }
}
