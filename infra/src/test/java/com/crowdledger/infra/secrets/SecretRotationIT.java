package com.crowdledger.infra.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.crowdledger.it.IntegrationTest;
import com.crowdledger.it.TestInfrastructure;
import com.crowdledger.shared.crypto.MasterKey;
import com.crowdledger.shared.crypto.SecretBox;
import com.crowdledger.shared.crypto.SecretVault;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Stored secrets are sealed, and a master-key rotation moves every one of them to the new key. */
class SecretRotationIT extends IntegrationTest {

    @Autowired
    SecretVault vault;
    @Autowired
    SecretBox box;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void vaultKeepsSecretsSealedAndARewrapMovesThemToTheNewMasterKey() {
        String reference = transaction.execute(status ->
                vault.store("test-secret", "whsec_rotate-me".getBytes(StandardCharsets.UTF_8)));
        assertThat(reference).startsWith("sec_");
        assertThat(jdbc.queryForObject("select sealed from secret_vault where reference = ?", String.class, reference))
                .startsWith("sb1." + box.currentKey().id() + ".").doesNotContain("rotate-me");

        MasterKey current = box.currentKey();
        MasterKey next = MasterKey.generate();
        try {
            SecretRewrap.Result moved = transaction.execute(status ->
                    new SecretRewrap(jdbc, new SecretBox(next, List.of(current))).rewrapAll());
            assertThat(moved.currentKeyId()).isEqualTo(next.id());
            assertThat(moved.rewrapped()).isPositive();

            SecretVault underTheNewKeyOnly = new JdbcSecretVault(jdbc, new SecretBox(next, List.of()));
            assertThat(new String(underTheNewKeyOnly.open(reference), StandardCharsets.UTF_8)).isEqualTo("whsec_rotate-me");
            assertThatThrownBy(() -> vault.open(reference)).as("the old key alone no longer opens it")
                    .isInstanceOf(IllegalStateException.class);
        } finally {
            // the running application still has the old key: move everything back
            transaction.execute(status -> new SecretRewrap(jdbc, new SecretBox(current, List.of(next))).rewrapAll());
        }
        assertThat(new String(vault.open(reference), StandardCharsets.UTF_8)).isEqualTo("whsec_rotate-me");
    }

    @Test
    void rewrapIsAnOperatorEndpoint() {
        assertThat(api.post("/admin/secrets/rewrap").send().status()).isEqualTo(401);
        var rewrapped = api.post("/admin/secrets/rewrap").key(TestInfrastructure.ADMIN_TOKEN).send();
        assertThat(rewrapped.status()).isEqualTo(200);
        assertThat(rewrapped.data().path("currentKeyId").asText()).isEqualTo(box.currentKey().id());
        assertThat(rewrapped.data().path("rewrapped").asInt()).isZero();
    }
}
