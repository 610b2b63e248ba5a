package com.crowdledger.it;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API description ({@code GET /v1/openapi.json}) as the integration tests hold the service to it. It is fetched
 * once per test JVM, from the first service a test talks to; then {@link ApiClient} hands every response it receives
 * to {@link #verify}: a response to a documented operation must have a documented status, carry the headers that
 * status requires, and match the status's schema (JSON Schema 2020-12, the OpenAPI 3.1 dialect); a body of another
 * media type (an HTML page) must be one the status documents. The check is
 * stricter than the description in one way: objects may not carry properties the description does not list.
 * Requests to routes outside the description (actuator, operator routes, unknown routes, other methods) are not
 * checked.
 */
public final class ApiContract {
    public static final String DESCRIPTION_PATH = "/v1/openapi.json";
    private static final String IRI = "https://crowdledger.test" + DESCRIPTION_PATH;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();
    private static volatile ApiContract loaded;

    private final JsonNode document;
    private final SchemaRegistry registry;
    private final List<Route> routes;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

    /** A documented path, as a pattern of concrete paths. */
    private record Route(String path, Pattern pattern, int variables) {
        static Route of(String path) {
            String regex = Pattern.compile("\\{[^/}]+}").splitAsStream(path)
                    .map(literal -> literal.isEmpty() ? "" : Pattern.quote(literal))
                    .collect(Collectors.joining("[^/]+"));
            if (path.endsWith("}")) {
                regex += "[^/]+";
            }
            return new Route(path, Pattern.compile(regex), path.split("\\{", -1).length - 1);
        }
    }

    ApiContract(JsonNode document) {
        this.document = document;
        JsonNode strict = document.deepCopy();
        closeObjects(strict);
        this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi31(), builder -> builder
                .schemas(Map.of(IRI, strict.toString()))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        this.routes = document.path("paths").propertyNames().stream().map(Route::of)
                .sorted(Comparator.comparingInt(Route::variables)) // a literal segment wins over a variable
                .toList();
    }

    /** The description of the service at {@code baseUrl}, fetched on first use. */
    public static ApiContract of(String baseUrl) {
        ApiContract contract = loaded;
        if (contract == null) {
            synchronized (ApiContract.class) {
                if (loaded == null) {
                    loaded = new ApiContract(fetch(baseUrl));
                }
                contract = loaded;
            }
        }
        return contract;
    }

    public JsonNode document() {
        return document;
    }

    /**
     * Fails (and records, for {@link #takeViolations()}: a failure on another thread must not go unnoticed) when the
     * response does not match the description.
     */
    void verify(String method, String path, int status, HttpHeaders headers, String body) {
        violation(method, path, status, headers, body).ifPresent(violation -> {
            VIOLATIONS.add(violation);
            throw new AssertionError(violation);
        });
    }

    /** The violations recorded since the last call. */
    static List<String> takeViolations() {
        List<String> taken = new ArrayList<>(VIOLATIONS);
        VIOLATIONS.removeAll(taken);
        return taken;
    }

    /** Why the response does not match the description; empty when it does, or the route is not described. */
    Optional<String> violation(String method, String path, int status, HttpHeaders headers, String body) {
        String route = documentedPath(path);
        JsonNode operation = route == null ? null : document.path("paths").path(route).get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            return Optional.empty();
        }
        String request = method + " " + path + " answered " + status;
        JsonNode response = operation.path("responses").get(String.valueOf(status));
        if (response == null) {
            return Optional.of(request + ", a status its description does not list (" + route + " lists "
                    + operation.path("responses").propertyNames() + "): " + body);
        }
        List<String> problems = new ArrayList<>();
        response.path("headers").properties().forEach(header -> {
            if (resolve(header.getValue()).path("required").asBoolean(false)
                    && headers.firstValue(header.getKey()).isEmpty()) {
                problems.add("the header " + header.getKey() + " is missing");
            }
        });
        String pointer = "/paths/" + escape(route) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + status
                + "/content/application~1json/schema";
        String mediaType = headers.firstValue("Content-Type").map(type -> type.split(";", 2)[0].strip())
                .orElse(null);
        JsonNode content = response.path("content");
        boolean otherDocumentedType = mediaType != null && !mediaType.equals("application/json")
                && content.has(mediaType);
        if (content.has("application/json") && !otherDocumentedType) {
            schema(pointer).validate(body == null || body.isBlank() ? "null" : body, InputFormat.JSON).stream()
                    .limit(10)
                    .map(ApiContract::describe)
                    .forEach(problems::add);
        } else if (!otherDocumentedType && body != null && !body.isBlank()) {
            problems.add("a body where the description has none (" + mediaType + ")");
        }
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(request + ", which does not match its description (#" + pointer + "):\n  "
                + String.join("\n  ", problems) + "\nbody: " + body);
    }

    private String documentedPath(String path) {
        String bare = path.split("\\?", 2)[0];
        String unaliased = bare.startsWith("/api/v1/") ? bare.substring("/api".length()) : bare;
        return routes.stream().filter(route -> route.pattern().matcher(unaliased).matches())
                .map(Route::path).findFirst().orElse(null);
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(IRI + "#" + p)));
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : document.at(ref.asString().substring(1));
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + ": " + error.getMessage() + " (schema " + error.getSchemaLocation() + ")";
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    /** Objects with a complete list of properties allow no others: an undocumented field fails the check. */
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("properties") && isObjectType(object.get("type"))
                && !object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
            object.put("unevaluatedProperties", false);
        }
        node.forEach(ApiContract::closeObjects);
    }

    private static boolean isObjectType(JsonNode type) {
        return type != null && (type.isString() ? type.asString().equals("object")
                : type.valueStream().anyMatch(t -> t.asString().equals("object")));
    }

    private static JsonNode fetch(String baseUrl) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(baseUrl + DESCRIPTION_PATH)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + DESCRIPTION_PATH + " answered " + response);
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot fetch the API description", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
