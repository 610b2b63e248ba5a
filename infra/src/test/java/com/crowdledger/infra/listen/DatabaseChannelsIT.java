package com.crowdledger.infra.listen;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.it.IntegrationTest;
import com.crowdledger.shared.listen.DatabaseChannel;
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
 * The node's listener on a real PostgreSQL, through a relay that can make its connection silent: silence or a broken
 * connection tells the channels they may have missed notifications, and the listener reconnects and hears them again.
 */
class DatabaseChannelsIT extends IntegrationTest {
    private static final Duration HEARTBEAT = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String APPLICATION_NAME = "database-listener-it";
    private static final String CHANNEL = "crowdledger_listener_it";

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    private final AtomicInteger missed = new AtomicInteger();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private FreezableRelay relay;
    private DatabaseChannels listener;

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
        DatabaseChannel channel = new DatabaseChannel() {
            @Override
            public String name() {
                return CHANNEL;
            }

            @Override
            public void received(String payload) {
                received.add(payload);
            }

            @Override
            public void missed() {
                missed.incrementAndGet();
            }
        };
        listener = new DatabaseChannels(() -> DriverManager.getConnection(relayed, properties), List.of(channel),
                HEARTBEAT);
        listener.start();
        await("the first connection", () -> missed.get() == 1);
        awaitHeard("acct_first");
    }

    @AfterEach
    void stop() throws Exception {
        listener.stop();
        relay.close();
    }

    @Test
    void aSilentConnectionIsMissedAndReconnects() {
        relay.freeze();
        await("told on silence, and again once listening anew", () -> missed.get() >= 3);
        awaitHeard("acct_after_silence");
    }

    @Test
    void aBrokenConnectionIsMissedAndReconnects() {
        Integer terminated = jdbc.queryForObject("select count(pg_terminate_backend(pid)) from pg_stat_activity "
                + "where application_name = ?", Integer.class, APPLICATION_NAME);
        assertThat(terminated).isPositive();
        await("told on the error, and again once listening anew", () -> missed.get() >= 3);
        awaitHeard("acct_after_break");
    }

    /** Notifies until the listener hears it (a NOTIFY sent while it reconnects is not delivered). */
    private void awaitHeard(String payload) {
        await("hearing " + payload, () -> {
            jdbc.queryForObject("select pg_notify(?, ?)::text", String.class, CHANNEL, payload);
            sleep(100);
            return received.contains(payload);
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
