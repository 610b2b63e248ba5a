package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.infra.idempotency.Idempotency;
import com.crowdledger.shared.crypto.Digests;
import com.crowdledger.shared.crypto.PlatformSecrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Idempotency-Key on POST: replay, mismatch, one effect under concurrency, nothing stored for failures. */
class IdempotencyIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformSecrets secrets;

    @Test
    void retryWithSameKeyAndBodyReplaysTheFirstResponse() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String idempotencyKey = UUID.randomUUID().toString();
        ApiClient.Response first = issue(owner.key(), idempotencyKey, "replayed");
        ApiClient.Response retry = issue(owner.key(), idempotencyKey, "replayed");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(keysOf(owner)).isEqualTo(2);
    }

    @Test
    void sameKeyWithAnotherBodyIsAMismatch() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String idempotencyKey = UUID.randomUUID().toString();
        assertThat(issue(owner.key(), idempotencyKey, "first").status()).isEqualTo(201);
        ApiClient.Response other = issue(owner.key(), idempotencyKey, "second");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.errorCode()).isEqualTo("IDEMPOTENCY_MISMATCH");
        assertThat(keysOf(owner)).isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesCreateExactlyOneObject() throws Exception {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String idempotencyKey = UUID.randomUUID().toString();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<ApiClient.Response> responses = new ArrayList<>();
        try {
            List<Callable<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> issue(owner.key(), idempotencyKey, "concurrent"));
            }
            for (Future<ApiClient.Response> future : threads.invokeAll(calls)) {
                responses.add(future.get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        assertThat(responses.stream().filter(r -> r.status() == 201).map(r -> r.data().path("id").asText())
                .distinct()).hasSize(1);
        assertThat(keysOf(owner)).isEqualTo(2);
    }

    @Test
    void validationFailuresAreNotStored() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String idempotencyKey = UUID.randomUUID().toString();
        ApiClient.Response invalid = api.post("/v1/auth/api-keys").key(owner.key())
                .header("Idempotency-Key", idempotencyKey)
                .body(Map.of("name", "bad", "scopes", List.of())).send();
        assertThat(invalid.status()).isEqualTo(422);
        ApiClient.Response corrected = api.post("/v1/auth/api-keys").key(owner.key())
                .header("Idempotency-Key", idempotencyKey)
                .body(Map.of("name", "bad", "scopes", List.of("keys"))).send();
        assertThat(corrected.status()).isEqualTo(201);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void keysAreScopedToTheApiKeyThatSentThem() {
        TestAccounts.Registered alice = accounts.verifiedOwner("test");
        TestAccounts.Registered bob = accounts.verifiedOwner("test");
        String idempotencyKey = UUID.randomUUID().toString();
        String aliceKeyId = issue(alice.key(), idempotencyKey, "shared").data().path("id").asText();
        ApiClient.Response bobs = issue(bob.key(), idempotencyKey, "shared");
        assertThat(bobs.status()).isEqualTo(201);
        assertThat(bobs.header("Idempotent-Replayed")).isNull();
        assertThat(bobs.data().path("id").asText()).isNotEqualTo(aliceKeyId);
    }

    @Test
    void publicRegistrationIsIdempotentAndStoredResponsesAreEncrypted() {
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("email", TestAccounts.uniqueEmail(), "password", TestAccounts.PASSWORD,
                "role", "owner", "name", "Once Only", "mode", "test");
        ApiClient.Response first = api.post("/v1/auth/register/api-key").header("Idempotency-Key", idempotencyKey)
                .body(body).send();
        ApiClient.Response retry = api.post("/v1/auth/register/api-key").header("Idempotency-Key", idempotencyKey)
                .body(body).send();
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        String key = first.data().path("apiKey").path("key").asText();
        Integer leaks = jdbc.queryForObject(
                "select count(*) from idempotency_keys where position(convert_to(?, 'UTF8') in response_body) > 0",
                Integer.class, key);
        assertThat(leaks).isZero();
    }

    @Test
    void aNarrowerKeyOfTheSameAccountNeverReceivesAWiderKeysResponse() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String keysOnly = accounts.issueKey(owner.key(), "keys only", List.of("keys"), "test").data()
                .path("key").asText();
        String idempotencyKey = UUID.randomUUID().toString();
        Map<String, Object> wide = Map.of("name", "billing reader", "scopes", List.of("keys", "billing"));
        ApiClient.Response first = api.post("/v1/auth/api-keys").key(owner.key())
                .header("Idempotency-Key", idempotencyKey).body(wide).send();
        assertThat(first.status()).isEqualTo(201);

        ApiClient.Response narrow = api.post("/v1/auth/api-keys").key(keysOnly)
                .header("Idempotency-Key", idempotencyKey).body(wide).send();

        assertThat(narrow.status()).isEqualTo(403);
        assertThat(narrow.body()).doesNotContain(first.data().path("key").asText());
    }

    /**
     * The response is only sent once the request's transaction committed. A commit the database refuses (made to
     * happen here by a deferred constraint trigger on the idempotency row) is answered 409 for a conflict or 500
     * otherwise, and leaves nothing behind: no key, no stored response, and the same Idempotency-Key works after.
     */
    @Test
    void aRefusedCommitIsAnsweredAsAFailureAndStoresNothing() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String conflictKey = UUID.randomUUID().toString();
        String crashKey = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "doomed", "scopes", List.of("keys"));
        jdbc.execute("""
                create table if not exists test_refused_commits (key_hash text primary key, sql_state text not null);
                create or replace function test_refuse_commit() returns trigger language plpgsql as $$
                declare refused text;
                begin
                    select sql_state into refused from test_refused_commits where key_hash = new.key_hash;
                    if refused is not null then
                        raise exception using errcode = refused, message = 'refused by the test';
                    end if;
                    return new;
                end $$;
                drop trigger if exists test_refuse_commit on idempotency_keys;
                create constraint trigger test_refuse_commit after insert or update on idempotency_keys
                    deferrable initially deferred for each row execute function test_refuse_commit();""");
        try {
            jdbc.update("insert into test_refused_commits values (?, '23505'), (?, 'XX000')",
                    keyHash("key:" + owner.keyId(), conflictKey), keyHash("key:" + owner.keyId(), crashKey));

            ApiClient.Response conflict = api.post("/v1/auth/api-keys").key(owner.key())
                    .header("Idempotency-Key", conflictKey).body(body).send();
            ApiClient.Response crash = api.post("/v1/auth/api-keys").key(owner.key())
                    .header("Idempotency-Key", crashKey).body(body).send();

            assertThat(conflict.status()).as(conflict.toString()).isEqualTo(409);
            assertThat(conflict.errorCode()).isEqualTo("CONFLICT");
            assertThat(crash.status()).as(crash.toString()).isEqualTo(500);
            assertThat(conflict.body() + crash.body()).doesNotContain("tpk_test_");
            assertThat(keysOf(owner)).as("no key was created").isEqualTo(1);

            jdbc.update("delete from test_refused_commits");
            ApiClient.Response retried = api.post("/v1/auth/api-keys").key(owner.key())
                    .header("Idempotency-Key", conflictKey).body(body).send();
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.header("Idempotent-Replayed")).isNull();
        } finally {
            jdbc.execute("drop trigger if exists test_refuse_commit on idempotency_keys; "
                    + "drop function if exists test_refuse_commit(); drop table if exists test_refused_commits;");
        }
    }

    /** A login's answer (a fresh session) is never replayed, and logins never hold a connection waiting for another. */
    @Test
    void loginsIgnoreTheIdempotencyKeyAndConcurrentOnesNeverExhaustThePool() throws Exception {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        Map<String, Object> login = Map.of("email", owner.email(), "password", TestAccounts.PASSWORD);
        ApiClient.Response first = api.post("/v1/auth/login").header("Idempotency-Key", "login-once").body(login).send();
        ApiClient.Response second = api.post("/v1/auth/login").header("Idempotency-Key", "login-once").body(login).send();
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.data().path("csrfToken").asText()).isNotEqualTo(first.data().path("csrfToken").asText());

        ExecutorService threads = Executors.newFixedThreadPool(24);
        try {
            List<Callable<ApiClient.Response>> logins = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String key = "flood-" + i;
                ApiClient stranger = api.fromAnotherAddress();
                logins.add(() -> stranger.post("/v1/auth/login").header("Idempotency-Key", key)
                        .body(Map.of("email", TestAccounts.uniqueEmail(), "password", "whatever1234")).send());
            }
            List<Future<ApiClient.Response>> answers = threads.invokeAll(logins);
            ApiClient.Response bystander = api.get("/v1/auth/api-keys?limit=1").key(owner.key()).send();
            assertThat(bystander.status()).isEqualTo(200);
            for (Future<ApiClient.Response> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().toString()).isIn(401, 503);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void overlongKeyIs422() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        ApiClient.Response response = issue(owner.key(), "k".repeat(256), "too long");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("error").path("details").findValuesAsText("field"))
                .contains("Idempotency-Key");
    }

    private ApiClient.Response issue(String key, String idempotencyKey, String name) {
        return api.post("/v1/auth/api-keys").key(key).header("Idempotency-Key", idempotencyKey)
                .body(Map.of("name", name, "scopes", List.of("keys"))).send();
    }

    /** The stored record's key, as {@code Idempotency} derives it. */
    private String keyHash(String owner, String idempotencyKey) {
        return Digests.hmacSha256Hex(secrets.get(Idempotency.SECRET), owner + "\n" + idempotencyKey);
    }

    private int keysOf(TestAccounts.Registered owner) {
        return jdbc.queryForObject("select count(*) from api_keys where account_id = ?", Integer.class,
                owner.accountId());
    }
}
