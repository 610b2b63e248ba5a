package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** No table and no stored event holds a full API key or a password: only argon2id hashes and display prefixes. */
class SecretsAtRestIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noTableOrEventContainsAKeyOrPassword() {
        TestAccounts.Registered owner = accounts.verifiedOwner("test");
        String secondKey = accounts.issueKey(owner.key(), "second", List.of("keys"), "test").data()
                .path("key").asText();
        api.get("/v1/auth/me").key(secondKey).send();

        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public' "
                        + "and table_type = 'BASE TABLE'", String.class);
        assertThat(tables).contains("domain_event_entry", "api_keys", "accounts", "account_lookup");
        for (String table : tables) {
            for (String secret : List.of(owner.key(), secondKey, TestAccounts.PASSWORD,
                    secondKey.substring(secondKey.lastIndexOf('_') + 1))) {
                assertThat(rowsContaining(table, secret)).as("%s found in %s", secret, table).isZero();
            }
        }
        Map<String, Object> stored = jdbc.queryForMap("select secret_hash, prefix from api_keys where id = ?",
                owner.keyId());
        assertThat((String) stored.get("secret_hash")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        String payloads = String.join("\n", jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from domain_event_entry", String.class));
        assertThat(payloads).contains("$argon2id$").doesNotContain(owner.key()).doesNotContain(secondKey)
                .doesNotContain(TestAccounts.PASSWORD);
    }

    /** Rows of the table with the secret in any column: bytea compared as bytes, everything else as text. */
    private int rowsContaining(String table, String secret) {
        List<Map<String, Object>> columns = jdbc.queryForList(
                "select column_name, data_type from information_schema.columns "
                        + "where table_schema = 'public' and table_name = ?", table);
        String condition = columns.stream()
                .map(c -> "bytea".equals(c.get("data_type"))
                        ? "position(convert_to(:secret, 'UTF8') in " + c.get("column_name") + ") > 0"
                        : "position(:secret in " + c.get("column_name") + "::text) > 0")
                .collect(java.util.stream.Collectors.joining(" or "));
        return new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc).queryForObject(
                "select count(*) from " + table + " where " + condition, Map.of("secret", secret), Integer.class);
    }
}
