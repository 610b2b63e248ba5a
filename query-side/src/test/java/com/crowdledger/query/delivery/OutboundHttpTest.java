package com.crowdledger.query.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.crowdledger.shared.net.SsrfGuard;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTTP request of an attempt against a real server on 127.0.0.1, with names resolved by the test (what an
 * attacker's DNS could answer): the connection goes where the guard said, redirects are not followed, an attempt
 * ends at its deadline, and only the start of an answer is kept.
 */
class OutboundHttpTest {
    private static final String NAME = "hooks.example.com";

    private HttpServer server;
    private final List<String> hosts = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
    private volatile long delayMillis;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            exchange.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:1/elsewhere");
            try {
                exchange.sendResponseHeaders(status, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (IOException e) {
                // the client gave up
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theConnectionGoesToTheAddressTheGuardResolvedAndKeepsTheName() throws IOException {
        try (OutboundHttp http = new OutboundHttp(guard(true, resolving("127.0.0.1")), Duration.ofSeconds(5), 4)) {
            AttemptResult result = http.send(post());
            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(result.responseBody()).isEqualTo("ok");
            assertThat(hosts).containsExactly(NAME + ":" + port());
        }
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedBeforeAnyConnection() throws IOException {
        try (OutboundHttp http = new OutboundHttp(guard(false, resolving("127.0.0.1")), Duration.ofSeconds(5), 4)) {
            AttemptResult result = http.send(post("https"));
            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).startsWith("refused").contains("not a public address");
            assertThat(hosts).isEmpty();
        }
    }

    /** A partner postback: a GET whose URL was expanded from a template; loopback is refused like any delivery. */
    @Test
    void aPostbackToLoopbackIsRefusedBeforeAnyConnection() throws IOException {
        SsrfGuard.Resolver literalsAndName = host -> host.equals(NAME)
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1})}
                : InetAddress.getAllByName(host); // the literals below: no lookup
        try (OutboundHttp http = new OutboundHttp(guard(false, literalsAndName), Duration.ofSeconds(5), 4)) {
            for (String url : new String[] {"https://127.0.0.1:" + port() + "/pb?cid=clk_1",
                    "https://10.0.0.1/pb", "https://169.254.169.254/latest/meta-data/",
                    "https://[::1]:" + port() + "/pb", "https://" + NAME + ":" + port() + "/pb?cid=clk_1"}) {
                AttemptResult result = http.send(new OutboundRequest("GET", URI.create(url), Map.of(), null));
                assertThat(result.statusCode()).as(url).isNull();
                assertThat(result.error()).as(url).startsWith("refused").contains("not a public address");
            }
            assertThat(hosts).isEmpty();
        }
    }

    @Test
    void plainHttpAndUserInfoAreRefusedUnlessPrivateNetworksAreAllowed() throws IOException {
        try (OutboundHttp http = new OutboundHttp(guard(false, resolving("93.184.215.14")), Duration.ofSeconds(5), 4)) {
            assertThat(http.send(post()).error()).isEqualTo("refused: the URL must be an https URL");
            AttemptResult withUser = http.send(new OutboundRequest("GET",
                    URI.create("https://user:pw@" + NAME + "/pb"), Map.of(), null));
            assertThat(withUser.error()).startsWith("refused: the URL must not contain user info");
            assertThat(hosts).isEmpty();
        }
    }

    /** DNS rebinding: a public address when checked, loopback when connecting. The connection is refused. */
    @Test
    void aNameThatChangesToLoopbackAfterTheCheckIsRefusedWhenConnecting() throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        SsrfGuard.Resolver rebinding = host -> new InetAddress[] {InetAddress.getByAddress(host,
                lookups.getAndIncrement() == 0 ? new byte[] {93, (byte) 184, (byte) 215, 14} : new byte[] {127, 0, 0, 1})};
        try (OutboundHttp http = new OutboundHttp(guard(false, rebinding), Duration.ofSeconds(5), 4)) {
            AttemptResult result = http.send(post("https"));
            assertThat(lookups.get()).as("checked, then resolved again to connect").isEqualTo(2);
            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).startsWith("refused").contains("not a public address");
            assertThat(hosts).isEmpty();
        }
    }

    @Test
    void redirectsAreNotFollowed() throws IOException {
        status = 302;
        try (OutboundHttp http = new OutboundHttp(guard(true, resolving("127.0.0.1")), Duration.ofSeconds(5), 4)) {
            AttemptResult result = http.send(post());
            assertThat(result.statusCode()).isEqualTo(302);
            assertThat(result.succeeded()).isFalse();
            assertThat(hosts).hasSize(1);
        }
    }

    @Test
    void anAttemptEndsAtItsDeadline() throws IOException {
        delayMillis = 3000;
        try (OutboundHttp http = new OutboundHttp(guard(true, resolving("127.0.0.1")), Duration.ofSeconds(1), 4)) {
            AttemptResult result = http.send(post());
            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).isEqualTo("timed out after 1 s");
            assertThat(result.durationMillis()).isBetween(900L, 2500L);
        }
    }

    @Test
    void onlyTheFirstKibibyteOfTheAnswerIsKept() throws IOException {
        answer = "é".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        status = 500;
        try (OutboundHttp http = new OutboundHttp(guard(true, resolving("127.0.0.1")), Duration.ofSeconds(5), 4)) {
            AttemptResult result = http.send(post());
            assertThat(result.statusCode()).isEqualTo(500);
            assertThat(result.error()).isEqualTo("HTTP 500");
            assertThat(result.responseBody().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024 + 3);
            assertThat(result.responseBody()).startsWith("éé");
        }
    }

    private SsrfGuard guard(boolean allowPrivate, SsrfGuard.Resolver resolver) {
        return new SsrfGuard(allowPrivate, resolver);
    }

    private static SsrfGuard.Resolver resolving(String address) {
        return host -> {
            if (!host.equals(NAME)) {
                throw new UnknownHostException(host);
            }
            return new InetAddress[] {InetAddress.getByAddress(host, InetAddress.getByName(address).getAddress())};
        };
    }

    private OutboundRequest post() {
        return post("http");
    }

    private OutboundRequest post(String scheme) {
        return new OutboundRequest("POST", URI.create(scheme + "://" + NAME + ":" + port() + "/hook"),
                Map.of("webhook-id", "evt_1"), "{}".getBytes(StandardCharsets.UTF_8));
    }

    private int port() {
        return server.getAddress().getPort();
    }
}
