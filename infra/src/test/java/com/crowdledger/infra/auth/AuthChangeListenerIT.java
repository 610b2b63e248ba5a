package com.crowdledger.infra.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auth-cache listener on a real PostgreSQL, through a relay that can make its connection silent: silence or a
 * broken connection empties the cache, and the listener reconnects and hears changes again.
 */
class AuthChangeListenerIT extends IntegrationTest {
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String APPLICATION_NAME = "auth-listener-it";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    private final AtomicInteger emptied = new AtomicInteger();
    private final List<String> evicted = new CopyOnWriteArrayList<>();
    private FreezableRelay relay;
    private AuthChangeListener listener;

    @BeforeEach
    void listenThroughRelay() throws Exception {
        String url = ((HikariDataSource) dataSource).getJdbcUrl();
        relay = new FreezableRelay(URI.create(url.substring("jdbc:".length())).getPort());
        String relayed = url.replaceFirst("://([^/:]+):\\d+", "://$1:" + relay.port());
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", ((HikariDataSource) dataSource).getPassword());
        properties.setProperty("socketTimeout", Long.toString(HEARTBEAT.toSeconds()));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        listener = new AuthChangeListener(() -> DriverManager.getConnection(relayed, properties), evicted::add,
                emptied::incrementAndGet, HEARTBEAT);
        listener.start();
        await("the first connection", () -> emptied.get() == 1);
        awaitHeard("acct_first");
    }

    @AfterEach
    void stop() throws Exception {
        listener.stop();
        relay.close();
    }

    @Test
    void silentConnectionEmptiesTheCacheAndReconnects() {
        relay.freeze();
        await("the cache emptied on silence, and again once listening anew", () -> emptied.get() >= 3);
        awaitHeard("acct_after_silence");
    }

    @Test
    void brokenConnectionEmptiesTheCacheAndReconnects() {
        Integer terminated = jdbc.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                + "where application_name = ?", Integer.class, APPLICATION_NAME);
        assertThat(terminated).isPositive();
        await("the cache emptied on the error, and again once listening anew", () -> emptied.get() >= 3);
        awaitHeard("acct_after_break");
    }

    /** Notifies a change until the listener hears it (a NOTIFY sent while it reconnects is not delivered). */
    private void awaitHeard(String accountId) {
        await("hearing " + accountId, () -> {
            jdbc.queryForObject("select pg_notify(?, ?)::text", String.class, AuthCacheInvalidation.CHANNEL,
                    accountId);
            sleep(100);
            return evicted.contains(accountId);
        });
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
