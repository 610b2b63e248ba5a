package com.crowdledger.query.delivery;

import com.crowdledger.shared.error.DomainException;
import com.crowdledger.shared.error.FieldIssue;
import com.crowdledger.shared.net.SsrfGuard;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Makes the HTTP request of one attempt, and nothing but that request.
 * <ul>
 *   <li>Only to URLs and addresses the {@link SsrfGuard} allows: the URL's shape (scheme, no user info) and the host is resolved and checked before every attempt, and
 *       the client's own resolver, through which every new connection is opened, is the guard, so the connection
 *       goes to an address that was checked (a pooled connection was opened the same way). The request keeps the
 *       URL's name for the Host header, TLS's SNI and certificate check.</li>
 *   <li>No redirects, no retries, no cookies, no proxy, no decompression; at most {@code timeout} for the whole
 *       attempt (a hard deadline cancels one that still runs, so a trickling answer cannot hold a worker).</li>
 *   <li>The first 1 KiB of the answer is kept; up to 64 KiB more are read so the connection can be reused, beyond
 *       that it is closed. Header lines are limited to 8 KiB, and to 100 of them.</li>
 * </ul>
 */
class OutboundHttp implements AutoCloseable {
    static final String USER_AGENT = "Crowdledger-Webhooks/1";
    private static final String CONTENT_TYPE = "Content-Type";
    private static final int DRAIN_BYTES = 64 * 1024;

    private final SsrfGuard guard;
    private final Duration timeout;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "delivery-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param maxConnections at most this many connections, to any one host too: endpoints of many tenants may share
     *                       a host (a SaaS receiving webhooks), so the limit per endpoint is the worker's, not the
     *                       pool's
     */
    OutboundHttp(SsrfGuard guard, Duration timeout, int maxConnections) {
        this.guard = guard;
        this.timeout = timeout;
        Timeout limit = Timeout.of(timeout);
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver(guard))
                        // an answer's head is bounded too: a receiver cannot make us hold megabytes of headers
                        .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                .http1Config(Http1Config.custom().setMaxLineLength(8192).setMaxHeaderCount(100)
                                        .build())
                                .build())
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxConnections)
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(limit)
                                .setSocketTimeout(limit).setTimeToLive(TimeValue.ofMinutes(5)).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(limit)
                        .setResponseTimeout(limit).setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent(USER_AGENT)
                .build();
    }

    AttemptResult send(OutboundRequest outbound) {
        long started = System.nanoTime();
        try {
            // the URL's shape too: a kind may build it (a postback's, from a template), and the setting may have
            // changed since it was registered
            guard.requireShape("url", outbound.url());
        } catch (DomainException e) {
            return AttemptResult.noAnswer(millisSince(started), "refused: the URL "
                    + e.details().stream().map(FieldIssue::message).findFirst().orElse(e.getMessage()));
        }
        try {
            guard.resolve(outbound.url().getHost());
        } catch (SsrfGuard.RefusedAddressException e) {
            return AttemptResult.noAnswer(millisSince(started), "refused: " + e.getMessage());
        } catch (UnknownHostException e) {
            return AttemptResult.noAnswer(millisSince(started), "unknown host " + outbound.url().getHost());
        }
        HttpUriRequestBase request = new HttpUriRequestBase(outbound.method(), outbound.url());
        String contentType = null;
        for (Map.Entry<String, String> header : outbound.headers().entrySet()) {
            if (header.getKey().equalsIgnoreCase(CONTENT_TYPE)) {
                contentType = header.getValue();
            } else {
                request.setHeader(header.getKey(), header.getValue());
            }
        }
        if (outbound.body() != null) {
            request.setEntity(new ByteArrayEntity(outbound.body(),
                    contentType == null ? ContentType.APPLICATION_JSON : ContentType.parse(contentType)));
        }
        ScheduledFuture<?> deadline = deadlines.schedule(request::cancel, timeout.toMillis(), TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, request, null);
            int status = response.getCode();
            String body = readAnswer(response.getEntity(), request);
            return new AttemptResult(status, body, millisSince(started),
                    status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (IOException e) {
            return AttemptResult.noAnswer(millisSince(started), describe(e, request.isCancelled()));
        } finally {
            deadline.cancel(false);
            closeQuietly(response);
        }
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /**
     * The answer's first 1 KiB as text. The rest is read and dropped so the connection can serve the next attempt;
     * when there is more than {@value #DRAIN_BYTES} bytes of it, or it stops coming, the connection is aborted
     * instead (closing the stream would read it all). The status came first, so it stands either way.
     */
    private static String readAnswer(HttpEntity entity, HttpUriRequestBase request) {
        if (entity == null) {
            return null;
        }
        byte[] prefix = new byte[0];
        try {
            InputStream in = entity.getContent();
            prefix = in.readNBytes(AttemptResult.MAX_RESPONSE_CHARS);
            byte[] sink = new byte[8192];
            long drained = 0;
            int read;
            while ((read = in.read(sink)) >= 0) {
                drained += read;
                if (drained > DRAIN_BYTES) {
                    request.cancel();
                    return text(prefix);
                }
            }
            in.close();
        } catch (IOException e) {
            request.cancel();
        }
        return text(prefix);
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException e) {
                // aborted on purpose (too long an answer, or the deadline): the connection is gone either way
            }
        }
    }

    private static String text(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        // PostgreSQL text holds no NUL
        return new String(bytes, StandardCharsets.UTF_8).replace('\0', '\uFFFD');
    }

    private String describe(IOException e, boolean cancelled) {
        if (cancelled || e instanceof InterruptedIOException) {
            return "timed out after " + timeout.toSeconds() + " s";
        }
        if (e instanceof RefusedConnection refused) {
            return "refused: " + refused.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof ConnectException) {
            return "connection failed: " + e.getMessage();
        }
        if (e instanceof SSLException) {
            return "TLS failed: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static long millisSince(long started) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    }

    /** Every connection the client opens goes through the guard: what it connects to was checked. */
    private record GuardedResolver(SsrfGuard guard) implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            try {
                return guard.resolve(host);
            } catch (SsrfGuard.RefusedAddressException e) {
                throw new RefusedConnection(e.getMessage());
            }
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host; // never asked for without Kerberos; never look a name up outside the guard
        }
    }

    /** A connection the guard refused (an UnknownHostException so the client gives up on the host at once). */
    static final class RefusedConnection extends UnknownHostException {
        RefusedConnection(String message) {
            super(message);
        }
    }
}
