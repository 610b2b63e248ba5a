package com.crowdledger.query.apikey;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code lastUsedAt} of keys. A write per request would cost more than the request itself, so uses are gathered
 * in memory and written every few seconds; reads merge what is not written yet. Not an event: it is telemetry,
 * not a decision, and it lives outside the rebuildable key view so a rebuild keeps it.
 */
@Component
public class ApiKeyUsage implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ApiKeyUsage.class);

    private final Map<String, Instant> unwritten = new ConcurrentHashMap<>();
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    /**
     * Flushes on every node, not through the cluster's scheduler (db-scheduler): the buffer lives in this JVM's
     * memory, so only this node can write it, whereas a cluster-wide task runs on one node at a time and would never
     * see the other nodes' buffers. Stopped, with a last flush, when the application closes.
     */
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "api-key-usage-flush");
        thread.setDaemon(true);
        return thread;
    });

    ApiKeyUsage(JdbcTemplate jdbc,
                @Value("${crowdledger.api-keys.usage-flush-interval:5s}") Duration flushInterval) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        long millis = flushInterval.toMillis();
        flusher.scheduleWithFixedDelay(() -> {
            try {
                flush();
            } catch (RuntimeException e) {
                // an exception would end the schedule: report it and try again at the next interval
                log.warn("Could not write the lastUsedAt of API keys", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    public void recordUse(String keyId, Instant at) {
        Instant known = unwritten.get(keyId);
        // a hot key is used by every thread at once: only take the map's lock when the time moved noticeably
        if (known == null || at.isAfter(known.plusSeconds(1))) {
            unwritten.merge(keyId, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Runs after the web server stopped taking requests and before the database connections close. */
    @Override
    public void destroy() throws InterruptedException {
        flusher.shutdown();
        flusher.awaitTermination(10, TimeUnit.SECONDS);
        flush();
    }

    void flush() {
        if (unwritten.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (String keyId : List.copyOf(unwritten.keySet())) {
            Instant at = unwritten.remove(keyId);
            if (at != null) {
                rows.add(new Object[] {keyId, Timestamp.from(at)});
            }
        }
        jdbc.batchUpdate("""
                insert into api_key_usage (key_id, last_used_at) values (?, ?)
                on conflict (key_id) do update
                set last_used_at = greatest(api_key_usage.last_used_at, excluded.last_used_at)""", rows);
    }

    Map<String, Instant> lastUsed(Collection<String> keyIds) {
        Map<String, Instant> result = new HashMap<>();
        if (keyIds.isEmpty()) {
            return result;
        }
        named.query("select key_id, last_used_at from api_key_usage where key_id in (:ids)",
                Map.of("ids", keyIds),
                rs -> {
                    result.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                });
        for (String keyId : keyIds) {
            Instant pending = unwritten.get(keyId);
            if (pending != null) {
                result.merge(keyId, pending, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return result;
    }
}
