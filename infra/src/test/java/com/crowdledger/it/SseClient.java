package com.crowdledger.it;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real HTTP client of {@code GET /v1/notifications/stream}: reads the Server-Sent Events as they come, on a thread of
 * its own, into a queue; comments (heartbeats) are counted. A response that is not a stream is read whole and checked
 * against the API description like any other.
 */
final class SseClient implements AutoCloseable {
    static final String PATH = "/v1/notifications/stream";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One event: its id, name and data (lines joined). */
    record Event(String id, String name, String data) {
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final String body;

    private SseClient(HttpResponse<Stream<String>> response, String body) {
        this.response = response;
        this.body = body;
    }

    static SseClient open(ApiClient api, String key, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + PATH))
                .header("Authorization", "Bearer " + key)
                .header("Accept", "text/event-stream")
                .header("X-Forwarded-For", api.clientAddress())
                .header("X-Forwarded-Proto", "https");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            HttpResponse<Stream<String>> response = HTTP.send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                String body = String.join("\n", response.body().toList());
                ApiContract.of(api.baseUrl()).verify("GET", PATH, response.statusCode(), response.headers(), body);
                return new SseClient(response, body);
            }
            ApiContract.of(api.baseUrl()).verify("GET", PATH, 200, response.headers(), "");
            SseClient client = new SseClient(response, null);
            Thread reader = new Thread(client::read, "sse-client");
            reader.setDaemon(true);
            reader.start();
            return client;
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int status() {
        return response.statusCode();
    }

    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The body of a refusal (a stream has none). */
    String body() {
        return body;
    }

    int comments() {
        return comments.get();
    }

    /** The next event, waiting up to {@code within}; null when none came. */
    Event next(Duration within) throws InterruptedException {
        return events.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next {@code count} events, each waited for up to {@code each}; fewer when they stop coming. */
    List<Event> next(int count, Duration each) throws InterruptedException {
        List<Event> received = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Event event = next(each);
            if (event == null) {
                break;
            }
            received.add(event);
        }
        return received;
    }

    /** Events already received and not taken. */
    List<Event> drain() {
        List<Event> left = new ArrayList<>();
        events.drainTo(left);
        return left;
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments.incrementAndGet();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring(5).stripLeading());
                }
            }
        } catch (RuntimeException closed) {
            // the test closed the stream, or the server ended it
        }
    }

    /** Drops the connection, as a client that goes away does. */
    @Override
    public void close() {
        if (status() == 200) {
            response.body().close();
        }
    }
}
