package com.crowdledger.query.notification;

import com.crowdledger.shared.Mode;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The node's one listening connection for new notifications: every notification any node's projection inserts is
 * announced with {@code pg_notify} at commit, and this thread hands it to the local streams of its recipient. One
 * connection and one thread per node, whatever the number of streams; no stream polls.
 *
 * <p>The connection is its own, outside the pool (a pooled one would be pinned for ever), and checks itself every
 * {@code listener-check}; when it fails it reconnects, and every local stream then reads from the database what it
 * may have missed meanwhile (streams read rows after their last sequence, so nothing is sent twice).
 */
@Component
class NotificationListener implements SmartLifecycle {
    static final String APPLICATION_NAME = "crowdledger-notification-listener";
    private static final Logger log = LoggerFactory.getLogger(NotificationListener.class);
    private static final long RECONNECT_PAUSE_MILLIS = 1000;

    private final DataSource dataSource;
    private final NotificationStreams streams;
    private final NotificationSettings settings;
    private volatile boolean running;
    private Thread thread;

    NotificationListener(DataSource dataSource, NotificationStreams streams, NotificationSettings settings) {
        this.dataSource = dataSource;
        this.streams = streams;
        this.settings = settings;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "notification-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the streams stop (they stop first, the listener after). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connect()) {
                execute(connection, "LISTEN " + NotificationProjection.CHANNEL);
                streams.wakeAll(); // what was committed while this node was not listening
                PGConnection postgres = connection.unwrap(PGConnection.class);
                long checkMillis = settings.listenerCheck().toMillis();
                long nextCheck = System.currentTimeMillis() + checkMillis;
                while (running) {
                    int wait = (int) Math.max(1, nextCheck - System.currentTimeMillis());
                    PGNotification[] notifications = postgres.getNotifications(wait);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            deliver(notification.getParameter());
                        }
                    }
                    if (System.currentTimeMillis() >= nextCheck) {
                        execute(connection, "select 1"); // a dead connection fails here, within the socket time-out
                        nextCheck = System.currentTimeMillis() + checkMillis;
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    log.warn("The notification listener's connection failed ({}); reconnecting", e.getMessage());
                    pause();
                }
            }
        }
    }

    /** {@code <account> <mode> <sequence>}; anything else is not ours and is ignored. */
    private void deliver(String payload) {
        String[] parts = payload.split(" ");
        if (parts.length == 3) {
            try {
                streams.wake(parts[0], Mode.valueOf(parts[1]), Long.parseLong(parts[2]));
            } catch (IllegalArgumentException ignored) {
                // not a notification of this version
            }
        }
    }

    /** A connection like the pool's (URL, credentials, driver properties) but outside it, with a socket time-out. */
    private Connection connect() throws SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.setProperty("socketTimeout", Long.toString(Math.max(1, settings.listenerCheck().toSeconds() * 2)));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        return new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(), properties, pool.getUsername(),
                pool.getPassword()).getConnection();
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
