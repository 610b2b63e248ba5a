package com.crowdledger.command.consistency;

import com.crowdledger.shared.crypto.Digests;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * PostgreSQL advisory locks held until the current transaction ends, on every node at once (they live in the shared
 * database). Two uses:
 * <ul>
 *   <li>every command locks its target aggregate before the aggregate is loaded (see infra's command bus
 *       interceptor): commands on one aggregate take turns, so the second one decides on the state the first one
 *       left instead of failing to append;</li>
 *   <li>a set-based check (is this e-mail, slug or txn_id free?) locks the value before it looks, so two concurrent
 *       claims of one value take turns and the second one sees the first.</li>
 * </ul>
 * Locks are 64-bit SHA-256 prefixes of {@code namespace:value}; a collision only makes two commands take turns.
 */
@Component
public class TransactionLocks {
    private final JdbcTemplate jdbc;

    TransactionLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void lockAggregate(String aggregateId) {
        lock("aggregate", aggregateId);
    }

    /** Locks {@code value} within {@code namespace} until the transaction ends. */
    public void lock(String namespace, String value) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A transaction lock needs a transaction");
        }
        jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, key(namespace, value));
    }

    static long key(String namespace, String value) {
        byte[] digest = Digests.sha256((namespace + ":" + value).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }
}
