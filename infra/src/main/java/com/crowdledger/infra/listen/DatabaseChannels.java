package com.crowdledger.infra.listen;

import com.crowdledger.shared.crypto.RandomTokens;
import com.crowdledger.shared.listen.DatabaseChannel;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The node's one listening connection to PostgreSQL, for every {@link DatabaseChannel} (the key cache's changes, new
 * notifications for live streams...): one thread LISTENs to all of them and hands each notification to its channel.
 *
 * <p>The connection is its own, outside the pool (a pooled one would be pinned for ever, and the pool's checks never
 * see it), and it proves itself alive: every {@code heartbeat} it sends a NOTIFY to a channel of its own and must hear
 * it back within {@code heartbeat}. A connection that errs or goes silent (a dead NAT entry, a hung server) may have
 * missed notifications, so every channel is told at once ({@link DatabaseChannel#missed()}); the listener then
 * reconnects and tells them again once it listens (for what was sent in between).
 */
@Component
public class DatabaseChannels implements SmartLifecycle {
    static final String APPLICATION_NAME = "crowdledger-listener";
    private static final Logger log = LoggerFactory.getLogger(DatabaseChannels.class);
    private static final long POLL_MILLIS = 250;
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    /** Opens a connection for the listener alone. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Map<String, DatabaseChannel> channels;
    private final Duration heartbeat;
    /** This node's heartbeat channel: other nodes do not hear it. */
    private final String heartbeatChannel = "crowdledger_heartbeat_" + RandomTokens.hex(8);
    private volatile boolean running;
    private Thread thread;

    @Autowired
    DatabaseChannels(DataSource dataSource, List<DatabaseChannel> channels,
                     @Value("${crowdledger.database-listener.heartbeat:5s}") Duration heartbeat) {
        this(unpooled(dataSource, heartbeat), channels, heartbeat);
    }

    DatabaseChannels(Connector connector, List<DatabaseChannel> channels, Duration heartbeat) {
        this.connector = connector;
        this.channels = channels.stream().collect(Collectors.toMap(DatabaseChannel::name, Function.identity()));
        this.heartbeat = heartbeat;
    }

    /**
     * Connections made like the pool's (same URL, credentials and driver properties) but outside it, with a socket
     * time-out: a statement on a silent connection then fails instead of hanging.
     */
    static Connector unpooled(DataSource dataSource, Duration socketTimeout) {
        HikariDataSource pool;
        try {
            pool = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException("The database listener needs the Hikari pool's settings", e);
        }
        Properties properties = new Properties();
        properties.putAll(pool.getDataSourceProperties());
        properties.setProperty("socketTimeout", Long.toString(Math.max(1, socketTimeout.toSeconds())));
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        DriverDataSource driver = new DriverDataSource(pool.getJdbcUrl(), pool.getDriverClassName(), properties,
                pool.getUsername(), pool.getPassword());
        return driver::getConnection;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "database-listener");
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

    /** Stops after the components that use its channels (a live stream stops before what feeds it). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void listen() {
        while (running) {
            try (Connection connection = connector.connect()) {
                for (String channel : channels.keySet()) {
                    execute(connection, "LISTEN " + channel);
                }
                execute(connection, "LISTEN " + heartbeatChannel);
                missed(); // whatever was sent while not listening
                PGConnection postgres = connection.unwrap(PGConnection.class);
                for (long beat = 1; running; beat++) {
                    execute(connection, "NOTIFY " + heartbeatChannel + ", '" + beat + "'");
                    if (!deliver(postgres, heartbeat, Long.toString(beat)) && running) {
                        throw new SQLException("its heartbeat did not come back within " + heartbeat);
                    }
                    deliver(postgres, heartbeat, null);
                }
            } catch (SQLException e) {
                if (running) {
                    missed();
                    log.warn("The database listener's connection failed ({}); reconnecting", e.getMessage());
                    pause();
                }
            }
        }
    }

    /** Hands notifications to their channels for up to {@code within}; true as soon as {@code beat} came back. */
    private boolean deliver(PGConnection postgres, Duration within, String beat) throws SQLException {
        long deadline = System.nanoTime() + within.toNanos();
        for (long left = within.toNanos(); running && left > 0; left = deadline - System.nanoTime()) {
            long waitMillis = Math.max(1, Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left)));
            PGNotification[] notifications = postgres.getNotifications((int) waitMillis);
            boolean heard = false;
            for (PGNotification notification : notifications == null ? new PGNotification[0] : notifications) {
                if (heartbeatChannel.equals(notification.getName())) {
                    heard |= notification.getParameter().equals(beat);
                } else {
                    DatabaseChannel channel = channels.get(notification.getName());
                    if (channel != null) {
                        received(channel, notification.getParameter());
                    }
                }
            }
            if (heard) {
                return true;
            }
        }
        return false;
    }

    private static void received(DatabaseChannel channel, String payload) {
        try {
            channel.received(payload);
        } catch (RuntimeException e) {
            log.warn("Channel {} could not take a notification", channel.name(), e);
        }
    }

    private void missed() {
        channels.values().forEach(channel -> {
            try {
                channel.missed();
            } catch (RuntimeException e) {
                log.warn("Channel {} could not catch up", channel.name(), e);
            }
        });
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
