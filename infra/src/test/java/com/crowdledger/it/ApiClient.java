package com.crowdledger.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A thin HTTP client for tests: real requests, JSON bodies, the parsed envelope back. Each client is a client
 * address of its own: the service under test trusts 127.0.0.1 as a proxy, and every request says
 * {@code X-Forwarded-For: <this client's address>}, so per-address limits hold in tests as they do in production. Every response is checked against
 * the API description ({@link ApiContract}): one that does not match it fails the test.
 */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Client addresses come from 198.18.0.0/15 (set aside for benchmarks: never a real client). */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private final String baseUrl;
    private final String clientAddress;
    private final boolean viaTlsProxy;

    public ApiClient(String baseUrl) {
        this(baseUrl, nextClientAddress(), false);
    }

    private ApiClient(String baseUrl, String clientAddress, boolean viaTlsProxy) {
        this.baseUrl = baseUrl;
        this.clientAddress = clientAddress;
        this.viaTlsProxy = viaTlsProxy;
    }

    /** An address no other client has. */
    public static String nextClientAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
    }

    /** The same service seen by a client with the given address. */
    public ApiClient from(String address) {
        return new ApiClient(baseUrl, address, viaTlsProxy);
    }

    /** The same service seen by another client. */
    public ApiClient fromAnotherAddress() {
        return from(nextClientAddress());
    }

    /** The same client behind a TLS-terminating proxy: its requests also say {@code X-Forwarded-Proto: https}. */
    public ApiClient viaTlsProxy() {
        return new ApiClient(baseUrl, clientAddress, true);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }

    public Call get(String path) {
        return call("GET", path);
    }

    public Call post(String path) {
        return call("POST", path);
    }

    public Call patch(String path) {
        return call("PATCH", path);
    }

    public Call delete(String path) {
        return call("DELETE", path);
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One request being built. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
            headers.put("X-Forwarded-For", clientAddress);
            if (viaTlsProxy) {
                headers.put("X-Forwarded-Proto", "https");
            }
        }

        public Call key(String apiKey) {
            return header("Authorization", "Bearer " + apiKey);
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A JSON body: a Map/record serialized, or a String sent as it is (to send malformed JSON). */
        public Call body(Object value) {
            this.body = value instanceof String s ? s : json(value);
            headers.putIfAbsent("Content-Type", "application/json");
            return this;
        }

        public Response send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(request::header);
            try {
                HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                ApiContract.of(baseUrl).verify(method, path, response.statusCode(), response.headers(),
                        Response.text(response));
                return new Response(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A response: status, headers, and the body parsed as JSON (null when it is not JSON, such as a PDF). */
    public record Response(int status, HttpResponse<byte[]> raw, JsonNode json) {
        Response(HttpResponse<byte[]> raw) {
            this(raw.statusCode(), raw, parse(text(raw)));
        }

        static String text(HttpResponse<byte[]> raw) {
            return new String(raw.body(), java.nio.charset.StandardCharsets.UTF_8);
        }

        private static JsonNode parse(String body) {
            try {
                return body == null || body.isBlank() ? null : JSON.readTree(body);
            } catch (IOException e) {
                return null;
            }
        }

        public JsonNode data() {
            return json.get("data");
        }

        public String errorCode() {
            return json.path("error").path("code").asText(null);
        }

        /** The error envelope's {@code error}: code, message and details. */
        public JsonNode error() {
            return json.path("error");
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String body() {
            return text(raw);
        }

        /** The body as it came, for a binary one (a PDF). */
        public byte[] bytes() {
            return raw.body();
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }
}
