package com.crowdledger.query.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.events.apikey.ApiKeyIssuedEvent;
import com.crowdledger.shared.Mode;
import com.crowdledger.shared.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class FeedRecordsTest {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final FeedRecords records = new FeedRecords("crowdledger", JSON);

    static ApiKeyIssuedEvent issued(String keyId) {
        return new ApiKeyIssuedEvent(keyId, "acct_1", Mode.TEST, "Default key", Set.of(Scope.KEYS), "cl_test_ab",
                "$argon2id$hash", null, Instant.parse("2025-01-02T03:04:05Z"));
    }

    @Test
    void eventFamilyIsTheAggregateTypeInKebabCase() {
        assertThat(FeedRecords.family("Account")).isEqualTo("account");
        assertThat(FeedRecords.family("ApiKey")).isEqualTo("api-key");
        assertThat(FeedRecords.family("WebhookEndpoint")).isEqualTo("webhook-endpoint");
        assertThat(FeedRecords.family("HTTPEndpoint2Go")).isEqualTo("http-endpoint2-go");
    }

    @Test
    void domainEventGoesToItsFamilyTopicKeyedByAggregateIdWithJsonValueAndHeaders() throws Exception {
        GenericDomainEventMessage<ApiKeyIssuedEvent> event =
                new GenericDomainEventMessage<>("ApiKey", "key_1", 0, issued("key_1"));

        ProducerRecord<String, byte[]> record = records.toRecord(event);

        assertThat(record.topic()).isEqualTo("crowdledger.api-key");
        assertThat(record.key()).isEqualTo("key_1");
        assertThat(record.timestamp()).as("left to the producer, see FeedRecords").isNull();
        JsonNode value = JSON.readTree(record.value());
        assertThat(value.path("keyId").asText()).isEqualTo("key_1");
        assertThat(value.path("accountId").asText()).isEqualTo("acct_1");
        assertThat(value.path("mode").asText()).isEqualTo("test");
        assertThat(value.path("issuedAt").asText()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(value.has("secretHash")).as("hashes of secrets stay in the event store").isFalse();
        assertThat(header(record, "event-type")).isEqualTo("ApiKeyIssuedEvent");
        assertThat(header(record, "event-id")).isEqualTo(event.getIdentifier());
        assertThat(header(record, "aggregate-sequence")).isEqualTo("0");
        assertThat(header(record, "account-id")).isEqualTo("acct_1");
        assertThat(header(record, "mode")).isEqualTo("test");
        assertThat(Instant.parse(header(record, "occurred-at"))).isEqualTo(event.getTimestamp());
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }

    @Test
    void eventWithoutAggregateGoesToTheCommonTopicKeyedByAccount() {
        ProducerRecord<String, byte[]> record = records.toRecord(GenericEventMessage.asEventMessage(issued("key_2")));

        assertThat(record.topic()).isEqualTo("crowdledger.events");
        assertThat(record.key()).isEqualTo("acct_1");
        assertThat(record.headers().lastHeader("aggregate-sequence")).isNull();
    }

    static String header(ProducerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void hashesAreDroppedAtAnyDepth() throws Exception {
        JsonNode value = JSON.readTree("{\"name\":\"x\",\"secretHash\":\"h\",\"nested\":{\"tokenHash\":\"t\","
                + "\"list\":[{\"passwordHash\":\"p\",\"kept\":1}]}}");
        FeedRecords.dropSecretHashes(value);
        assertThat(value.toString()).isEqualTo("{\"name\":\"x\",\"nested\":{\"list\":[{\"kept\":1}]}}");
    }
}
