package com.crowdledger.infra.auth;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL for key and account changes made by any node and evicts them from this node's cache.
 * If the connection drops, every cached key is evicted (a change may have been missed) and it reconnects.
 */
@Component
class AuthChangeListener implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AuthChangeListener.class);
    private static final int POLL_MILLIS = 500;

    private final DataSource dataSource;
    private final ApiKeyAuthenticator authenticator;
    private volatile boolean running;
    private Thread thread;

    AuthChangeListener(DataSource dataSource, ApiKeyAuthenticator authenticator) {
        this.dataSource = dataSource;
        this.authenticator = authenticator;
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
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + AuthCacheInvalidation.CHANNEL);
                }
                authenticator.evictAll(); // whatever changed while not listening is gone from the cache
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            authenticator.evictAccount(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Lost the auth change listener's connection; reconnecting", e);
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
