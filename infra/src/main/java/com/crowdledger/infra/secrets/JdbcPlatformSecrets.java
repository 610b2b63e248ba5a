package com.crowdledger.infra.secrets;

import com.crowdledger.shared.crypto.AesGcm;
import com.crowdledger.shared.crypto.PlatformSecrets;
import com.crowdledger.shared.crypto.RandomTokens;
import com.crowdledger.shared.crypto.SecretBox;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Platform secrets in PostgreSQL ({@code platform_secrets}), sealed under the master key, so every node uses the same
 * one and a database dump alone does not give them. The first node to need a secret creates it ({@code on conflict
 * do nothing}: when two race, both read the winner's); each node then keeps it in memory.
 */
@Component
class JdbcPlatformSecrets implements PlatformSecrets {
    private final JdbcTemplate jdbc;
    private final SecretBox box;
    private final TransactionTemplate ownTransaction;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    JdbcPlatformSecrets(JdbcTemplate jdbc, SecretBox box, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.box = box;
        this.ownTransaction = new TransactionTemplate(transactions);
        // its own read-write transaction, even when the caller is inside a read-only one
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public byte[] get(String name) {
        return loaded.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        String context = "platform-secret:" + name;
        String candidate = box.seal(RandomTokens.bytes(AesGcm.KEY_BYTES), context);
        return ownTransaction.execute(status -> {
            jdbc.update("insert into platform_secrets (name, sealed) values (?, ?) on conflict (name) do nothing",
                    name, candidate);
            return box.open(jdbc.queryForObject("select sealed from platform_secrets where name = ?", String.class,
                    name), context);
        });
    }
}
