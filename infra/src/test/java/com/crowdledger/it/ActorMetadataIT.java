package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every stored event says who caused it: the actor, their key, the request and the client address. */
class ActorMetadataIT extends IntegrationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsCarryTheActorOfTheRequestThatCausedThem() throws IOException {
        String email = TestAccounts.uniqueEmail();
        ApiClient.Response registered = api.post("/v1/auth/register/api-key")
                .body(Map.of("email", email, "password", TestAccounts.PASSWORD, "role", "owner", "name", "Audit"))
                .send();
        String accountId = registered.data().path("account").path("id").asText();
        String firstKey = registered.data().path("apiKey").path("key").asText();
        String firstKeyId = registered.data().path("apiKey").path("id").asText();

        JsonNode registration = metadataOf(accountId, 0);
        assertThat(registration.path("actor").asText()).isEqualTo("anonymous");
        assertThat(registration.path("requestId").asText()).isEqualTo(registered.header("Request-Id"));
        assertThat(registration.path("clientAddress").asText()).isNotBlank();
        assertThat(registration.has("actorKeyId")).isFalse();

        accounts.verify(email);
        ApiClient.Response issued = accounts.issueKey(firstKey, "audited", List.of("keys"), "live");
        JsonNode issue = metadataOf(issued.data().path("id").asText(), 0);
        assertThat(issue.path("actor").asText()).isEqualTo("api_key");
        assertThat(issue.path("actorAccountId").asText()).isEqualTo(accountId);
        assertThat(issue.path("actorKeyId").asText()).isEqualTo(firstKeyId);
        assertThat(issue.path("requestId").asText()).isEqualTo(issued.header("Request-Id"));
        assertThat(issue.path("correlationId").asText()).isNotBlank();

        ApiClient.Response login = api.post("/v1/auth/login")
                .body(Map.of("email", email, "password", TestAccounts.PASSWORD)).send();
        String cookie = login.header("Set-Cookie").split(";", 2)[0];
        ApiClient.Response revoked = api.delete("/v1/auth/api-keys/" + issued.data().path("id").asText())
                .header("Cookie", cookie).header("X-CSRF-Token", login.data().path("csrfToken").asText()).send();
        assertThat(revoked.status()).isEqualTo(200);
        JsonNode revocation = metadataOf(issued.data().path("id").asText(), 1);
        assertThat(revocation.path("actor").asText()).isEqualTo("dashboard_session");
        assertThat(revocation.path("actorAccountId").asText()).isEqualTo(accountId);
        assertThat(revocation.has("actorKeyId")).isFalse();
    }

    private JsonNode metadataOf(String aggregateId, long sequence) throws IOException {
        byte[] metadata = jdbc.queryForObject("select meta_data from domain_event_entry "
                + "where aggregate_identifier = ? and sequence_number = ?", byte[].class, aggregateId, sequence);
        return JSON.readTree(metadata);
    }
}
