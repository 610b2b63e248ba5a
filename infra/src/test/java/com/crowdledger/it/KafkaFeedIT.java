package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Kafka feed: events caused through the public API come out of a real broker, read by a plain KafkaConsumer,
 * one topic per event family, keyed by aggregate id (in order per aggregate), JSON values, the type in a header.
 */
class KafkaFeedIT extends IntegrationTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private EventProcessingConfiguration eventProcessing;

    @Test
    void feedRunsOnItsOwnTrackingProcessorWhileReadModelsStaySubscribing() {
        assertThat(eventProcessing.eventProcessor("kafka-feed", TrackingEventProcessor.class))
                .hasValueSatisfying(processor -> assertThat(processor.isRunning()).isTrue());
        assertThat(eventProcessing.eventProcessorByProcessingGroup("account-view")).get()
                .isInstanceOf(SubscribingEventProcessor.class);
    }

    @Test
    void everyEventIsPublishedKeyedByAggregateInOrderWithoutTheKey() {
        String email = TestAccounts.uniqueEmail();
        ApiClient.Response registered = api.post("/v1/auth/register/api-key")
                .body(Map.of("email", email, "password", TestAccounts.PASSWORD, "role", "owner",
                        "name", "Feed " + email.substring(5, 13), "mode", "test"))
                .send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode body = payload(registered);
        String accountId = body.path("account").path("id").asText();
        String keyId = body.path("apiKey").path("id").asText();
        String fullKey = body.path("apiKey").path("key").asText();
        assertThat(accountId).startsWith("acct_");
        assertThat(keyId).startsWith("key_");
        assertThat(fullKey).contains("_test_");
        accounts.verify(email);

        try (FeedReader feed = new FeedReader("crowdledger.account", "crowdledger.api-key")) {
            List<ConsumerRecord<String, String>> accountEvents = feed.await("crowdledger.account", accountId, 2);
            List<ConsumerRecord<String, String>> keyEvents = feed.await("crowdledger.api-key", keyId, 1);

            // one aggregate, one partition, in the order the aggregate applied them
            assertThat(accountEvents).extracting(r -> header(r, "event-type"))
                    .containsExactly("AccountRegisteredEvent", "AccountEmailVerifiedEvent");
            assertThat(accountEvents).extracting(r -> header(r, "aggregate-sequence")).containsExactly("0", "1");
            assertThat(accountEvents).extracting(ConsumerRecord::partition)
                    .containsOnly(accountEvents.get(0).partition());
            assertThat(accountEvents.get(1).offset()).isGreaterThan(accountEvents.get(0).offset());

            JsonNode accountRegistered = json(accountEvents.get(0));
            assertThat(accountRegistered.path("accountId").asText()).isEqualTo(accountId);
            // account facts belong to no test world: mode live, whatever the first key's mode
            assertThat(accountRegistered.path("mode").asText()).isEqualTo("live");
            assertThat(accountRegistered.path("email").asText()).isEqualTo(email);
            assertThat(accountRegistered.path("role").asText()).isEqualTo("owner");
            assertThat(json(accountEvents.get(1)).path("verifiedAt").asText()).isNotBlank();

            ConsumerRecord<String, String> issued = keyEvents.get(0);
            assertThat(header(issued, "event-type")).isEqualTo("ApiKeyIssuedEvent");
            assertThat(header(issued, "account-id")).isEqualTo(accountId);
            assertThat(header(issued, "mode")).isEqualTo("test");
            assertThat(header(issued, "event-id")).isNotBlank()
                    .isNotIn(accountEvents.stream().map(r -> header(r, "event-id")).toList());
            assertThat(Instant.parse(header(issued, "occurred-at"))).isBefore(Instant.now().plusSeconds(1));
            JsonNode issuedValue = json(issued);
            assertThat(issuedValue.path("keyId").asText()).isEqualTo(keyId);
            assertThat(issuedValue.path("accountId").asText()).isEqualTo(accountId);
            assertThat(issuedValue.path("mode").asText()).isEqualTo("test");
            assertThat(issuedValue.path("name").asText()).isEqualTo("Default key");
            assertThat(issuedValue.path("scopes").isArray()).isTrue();
            assertThat(fullKey).startsWith(issuedValue.path("prefix").asText());
            assertThat(issuedValue.has("secretHash")).isFalse();

            // the feed carries no secret and no hash of one: neither the key, nor the password, nor their hashes
            String keySecret = fullKey.substring(fullKey.lastIndexOf('_') + 1);
            assertThat(feed.seen()).extracting(ConsumerRecord::value)
                    .noneMatch(value -> value.contains(fullKey) || value.contains(keySecret)
                            || value.contains(TestAccounts.PASSWORD) || value.contains("$argon2id$"));
        }
    }

    /** The response body, inside the {success, data} envelope or not. */
    private static JsonNode payload(ApiClient.Response response) {
        JsonNode json = response.json();
        return json.hasNonNull("data") && json.get("data").isObject() ? json.get("data") : json;
    }

    private static JsonNode json(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A plain consumer in a group of its own, reading the topics from their beginning. */
    private static final class FeedReader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        FeedReader(String... topics) {
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.KAFKA.getBrokersAsString(),
                    ConsumerConfig.GROUP_ID_CONFIG, "kafka-feed-it-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    // notice soon a topic the feed creates while we are already subscribed
                    ConsumerConfig.METADATA_MAX_AGE_CONFIG, 500,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
            consumer.subscribe(List.of(topics));
        }

        /** Polls until {@code count} records with this key arrived on this topic; fails after {@link #PATIENCE}. */
        List<ConsumerRecord<String, String>> await(String topic, String key, int count) {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (true) {
                List<ConsumerRecord<String, String>> matching = seen.stream()
                        .filter(r -> r.topic().equals(topic) && key.equals(r.key()))
                        .toList();
                if (matching.size() >= count) {
                    return matching;
                }
                if (System.nanoTime() > deadline) {
                    fail("expected %d records keyed %s on %s within %s, got %d (of %d read)",
                            count, key, topic, PATIENCE, matching.size(), seen.size());
                }
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }

        List<ConsumerRecord<String, String>> seen() {
            return seen;
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
