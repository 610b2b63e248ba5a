package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every read model rebuilt from the event store equals the live one, row for row. */
class RebuildIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    EventStore eventStore;

    @Test
    void rebuildingEveryReadModelGivesTheSameRows() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        JsonNode second = accounts.issueKey(owner.key(), "to revoke", List.of("keys"), "test").data();
        api.patch("/v1/auth/api-keys/" + owner.keyId()).key(owner.key()).body(Map.of("name", "renamed")).send();
        api.delete("/v1/auth/api-keys/" + second.path("id").asText()).key(owner.key()).send();
        accounts.registerWithKey("tester", "live"); // one unverified account too

        ApiClient.Response list = api.get("/admin/read-models").key(TestInfrastructure.ADMIN_TOKEN).send();
        assertThat(list.status()).isEqualTo(200);
        List<JsonNode> readModels = new ArrayList<>();
        list.data().forEach(readModels::add);
        assertThat(readModels).extracting(m -> m.path("name").asText()).contains("account-view", "apikey-view");

        for (JsonNode readModel : readModels) {
            List<String> tables = new ArrayList<>();
            readModel.path("tables").forEach(t -> tables.add(t.asText()));
            awaitTrackingProcessors();
            Map<String, List<Map<String, Object>>> live = snapshot(tables);
            boolean filledHere = List.of("account-view", "apikey-view").contains(readModel.path("name").asText());
            if (filledHere) {
                // the data made above; features prove their own read models with data of their own
                assertThat(live.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
            }

            ApiClient.Response rebuilt = api.post("/admin/read-models/" + readModel.path("name").asText() + "/rebuild")
                    .key(TestInfrastructure.ADMIN_TOKEN).send();
            assertThat(rebuilt.status()).as(rebuilt.toString()).isEqualTo(200);
            if (filledHere) { // another read model may have no events yet, depending on the order tests run in
                assertThat(rebuilt.data().path("eventsReplayed").asLong()).isPositive();
            }
            assertThat(snapshot(tables)).isEqualTo(live);
        }
        assertThat(api.get("/v1/auth/me").key(owner.key()).send().status()).isEqualTo(200);
    }

    /**
     * Writers keep issuing and renaming keys while the key view is rebuilt, three times over: every write that
     * succeeded is in the read model afterwards, and a quiet rebuild at the end changes nothing.
     */
    @Test
    void rebuildWhileWritersWriteLosesNothing() throws Exception {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        AtomicBoolean writing = new AtomicBoolean(true);
        List<String> issued = new CopyOnWriteArrayList<>();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.submit(() -> {
                    for (int i = 0; writing.get(); i++) {
                        ApiClient.Response response = accounts.issueKey(owner.key(), "w" + writer + "-" + i,
                                List.of("keys"), "test");
                        if (response.status() == 201) {
                            String id = response.data().path("id").asText();
                            api.patch("/v1/auth/api-keys/" + id).key(owner.key())
                                    .body(Map.of("name", "renamed w" + writer + "-" + i)).send();
                            issued.add(id);
                        }
                    }
                    return null;
                });
            }
            for (int rebuild = 0; rebuild < 3; rebuild++) {
                assertThat(rebuildNow("apikey-view").status()).isEqualTo(200);
            }
        } finally {
            writing.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(issued).isNotEmpty();
        List<String> names = jdbc.queryForList("select name from api_keys where account_id = ? and id in (select unnest(?::text[]))",
                String.class, owner.accountId(), issued.toArray(String[]::new));
        assertThat(names).hasSize(issued.size()).allSatisfy(name -> assertThat(name).startsWith("renamed "));
        Map<String, List<Map<String, Object>>> live = snapshot(List.of("api_keys"));
        assertThat(rebuildNow("apikey-view").status()).isEqualTo(200);
        assertThat(snapshot(List.of("api_keys"))).isEqualTo(live);
    }

    /**
     * Read models kept by tracking processors follow the event store a moment later: compare them once every
     * tracking processor has reached the store's head.
     */
    private void awaitTrackingProcessors() {
        long head = eventStore.createHeadToken().position().orElse(0);
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline) && processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance)
                .map(TrackingEventProcessor.class::cast)
                .flatMap(processor -> processor.processingStatus().values().stream())
                .anyMatch(status -> status.getCurrentPosition().orElse(-1) < head)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private ApiClient.Response rebuildNow(String readModel) {
        return api.post("/admin/read-models/" + readModel + "/rebuild").key(TestInfrastructure.ADMIN_TOKEN).send();
    }

    @Test
    void operatorEndpointsNeedTheAdminToken() {
        assertThat(api.get("/admin/read-models").send().status()).isEqualTo(401);
        assertThat(api.get("/admin/read-models").key("wrong").send().status()).isEqualTo(401);
        assertThat(api.post("/admin/read-models/nope/rebuild").key(TestInfrastructure.ADMIN_TOKEN).send().status())
                .isEqualTo(404);

        // an Idempotency-Key without an API key is the address's: the operator's answer is never replayed to a
        // request from that address without the token
        assertThat(api.post("/admin/read-models/apikey-view/rebuild").header("Idempotency-Key", "operator-rebuild-1")
                .key(TestInfrastructure.ADMIN_TOKEN).send().status()).isEqualTo(200);
        ApiClient.Response withoutToken = api.post("/admin/read-models/apikey-view/rebuild")
                .header("Idempotency-Key", "operator-rebuild-1").send();
        assertThat(withoutToken.status()).as(withoutToken.toString()).isEqualTo(401);
        assertThat(withoutToken.header("Idempotent-Replayed")).isNull();
    }

    private Map<String, List<Map<String, Object>>> snapshot(List<String> tables) {
        return ReadModelRows.snapshot(jdbc, tables);
    }
}
