package com.crowdledger.query.paging;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Secrets of the platform itself (not of a tenant), kept in PostgreSQL so that every node uses the same one and it
 * survives restarts. The first node to need a secret creates it ({@code on conflict do nothing}: when two race, both
 * read the winner's); each node then keeps it in memory.
 */
@Component
public class PlatformSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SECRET_BYTES = 32;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    PlatformSecrets(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // its own read-write transaction, even when the caller is inside a read-only one
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The 32-byte secret with this name, created on first use. */
    public byte[] get(String name) {
        return loaded.computeIfAbsent(name, this::loadOrCreate).clone();
    }

    private byte[] loadOrCreate(String name) {
        byte[] candidate = new byte[SECRET_BYTES];
        RANDOM.nextBytes(candidate);
        return ownTransaction.execute(status -> {
            jdbc.update("insert into platform_secrets (name, secret) values (?, ?) on conflict (name) do nothing",
                    name, candidate);
            return jdbc.queryForObject("select secret from platform_secrets where name = ?", byte[].class, name);
        });
    }
}
