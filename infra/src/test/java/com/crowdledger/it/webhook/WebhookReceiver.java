package com.crowdledger.it.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on 127.0.0.1 that takes webhooks and partner postbacks: it records every request (its path and
 * its query as sent, still encoded) and answers as a test scripts it
 * (a status sequence per path, then 200; or hanging until released). Each test uses paths of its own.
 */
public final class WebhookReceiver implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request as it arrived; header names in lower case; {@code rawQuery} as sent (null: none). */
    public record Received(String method, String path, String rawQuery, Map<String, String> headers, String body,
                           Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String type() {
            return json().path("type").asText();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final Set<String> hanging = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> delays = new ConcurrentHashMap<>();
    private final CountDownLatch released = new CountDownLatch(1);

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests to {@code path} are answered with these statuses, in order; then 200. */
    public void answer(String path, Integer... statuses) {
        scripted.computeIfAbsent(path, p -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    /** Answers to {@code path} carry this body. */
    public void answerWithBody(String path, String body) {
        bodies.put(path, body);
    }

    /** Requests to {@code path} get no answer until {@link #release()} (or the client gives up). */
    public void hang(String path) {
        hanging.add(path);
    }

    /** Requests to {@code path} are answered after this long: a slow receiver. */
    public void delay(String path, long millis) {
        delays.put(path, millis);
    }

    public void release() {
        released.countDown();
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    public List<Received> ofType(String path, String type) {
        return at(path).stream().filter(r -> r.type().equals(type)).toList();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                String.join(",", values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers,
                body, Instant.now()));
        try {
            if (hanging.contains(path)) {
                released.await(60, TimeUnit.SECONDS);
            }
            Thread.sleep(delays.getOrDefault(path, 0L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Deque<Integer> statuses = scripted.get(path);
        Integer status = statuses == null ? null : statuses.poll();
        byte[] answer = bodies.getOrDefault(path, "ok").getBytes(StandardCharsets.UTF_8);
        try {
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (IOException e) {
            // the client gave up (a timeout): nothing to answer
        } finally {
            exchange.close();
        }
    }
}
