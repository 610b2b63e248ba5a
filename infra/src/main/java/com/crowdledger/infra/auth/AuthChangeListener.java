package com.crowdledger.infra.auth;

import com.crowdledger.shared.crypto.RandomTokens;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.DriverDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 * Listens on PostgreSQL for key and account changes made by any node and evicts them from this node's cache.
 *
 * <p>The connection is its own, outside the pool (a pooled one would be pinned for ever, and the pool's checks never
 * see it), and it proves itself alive: every {@code heartbeat} it sends a NOTIFY to a channel of its own and must hear
 * it back within {@code heartbeat}. A connection that errs or goes silent (a dead NAT entry, a hung server) may have
 * missed changes, so the whole cache is emptied at once; the listener then reconnects and empties it again once it
 * listens (for what changed in between). A stale key is thus served for at most about two heartbeats.
 */
@Component
class AuthChangeListener implements SmartLifecycle {
    static final String APPLICATION_NAME = "crowdledger-auth-listener";
    private static final Logger log = LoggerFactory.getLogger(AuthChangeListener.class);
    private static final long POLL_MILLIS = 250;
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    /** Opens a connection for the listener alone. */
    interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final Consumer<String> evictAccount;
    private final Runnable evictAll;
    private final Duration heartbeat;
    /** This node's heartbeat channel: other nodes do not hear it. */
    private final String heartbeatChannel = "crowdledger_auth_heartbeat_" + RandomTokens.hex(8);
    private volatile boolean running;
    private Thread thread;

    @Autowired
    AuthChangeListener(DataSource dataSource, ApiKeyAuthenticator authenticator,
                       @Value("${crowdledger.api-keys.listener-heartbeat:5s}") Duration heartbeat) {
        this(unpooled(dataSource, heartbeat), authenticator::evictAccount, authenticator::evictAll, heartbeat);
    }

    AuthChangeListener(Connector connector, Consumer<String> evictAccount, Runnable evictAll, Duration heartbeat) {
        this.connector = connector;
        this.evictAccount = evictAccount;
        this.evictAll = evictAll;
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
            throw new IllegalStateException("The auth change listener needs the Hikari pool's settings", e);
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
        thread = new Thread(this::listen, "auth-change-listener");
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

    private void listen() {
        while (running) {
            try (Connection connection = connector.connect()) {
                execute(connection, "LISTEN " + AuthCacheInvalidation.CHANNEL);
                execute(connection, "LISTEN " + heartbeatChannel);
                evictAll.run(); // whatever changed while not listening is gone from the cache
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
                    evictAll.run(); // a change may have been missed
                    log.warn("The auth change listener's connection failed ({}): emptied the key cache; reconnecting",
                            e.getMessage());
                    pause();
                }
            }
        }
    }

    /** Evicts what other nodes changed, for up to {@code within}; true as soon as {@code beat} came back. */
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
                    evictAccount.accept(notification.getParameter());
                }
            }
            if (heard) {
                return true;
            }
        }
        return false;
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
