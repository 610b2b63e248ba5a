package com.crowdledger.query.delivery;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crowdledger.webhooks.*}: outbound deliveries (webhooks and partner postbacks).
 *
 * @param allowPrivateNetworks deliver to loopback, private and link-local addresses and over plain http (local
 *                             development and tests only; default false)
 * @param retryDelays          the wait before each retry, jittered by ±10 % (default SPEC §8: 5s, 5m, 30m, 2h, 5h,
 *                             10h, 10h, so 8 attempts over about 27.5 hours)
 * @param timeout              the longest an attempt may take, connection and answer included (15s)
 * @param workers              attempts a node makes at once (32); each holds a thread, not a database connection
 * @param concurrencyPerTarget attempts a node makes at once to one endpoint (4), so a slow one cannot take every
 *                             worker
 * @param pollInterval         how often an idle node looks for due deliveries (1s); deliveries queued on the node
 *                             itself, and retries asked for through the API, start at once
 * @param disableAfter         a target whose every attempt failed for this long is given up (5 days)
 * @param retention            completed deliveries and their attempts are deleted after this (30 days)
 */
@ConfigurationProperties("crowdledger.webhooks")
public record DeliverySettings(boolean allowPrivateNetworks, List<Duration> retryDelays, Duration timeout,
                               Integer workers, Integer concurrencyPerTarget, Duration pollInterval,
                               Duration disableAfter, Duration retention) {
    public DeliverySettings {
        retryDelays = retryDelays == null || retryDelays.isEmpty()
                ? List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10))
                : List.copyOf(retryDelays);
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
        workers = workers == null ? 32 : workers;
        concurrencyPerTarget = concurrencyPerTarget == null ? 4 : concurrencyPerTarget;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        disableAfter = disableAfter == null ? Duration.ofDays(5) : disableAfter;
        retention = retention == null ? Duration.ofDays(30) : retention;
        if (workers < 1 || concurrencyPerTarget < 1) {
            throw new IllegalArgumentException("crowdledger.webhooks.workers and concurrency-per-target must be >= 1");
        }
    }

    /**
     * How long a claimed attempt is ours: longer than any attempt takes (it may wait for a worker, then run for the
     * timeout), after which another node may make it again, as at least once requires when a node dies.
     */
    public Duration claimLease() {
        return timeout.multipliedBy(2).plusSeconds(30);
    }
}
