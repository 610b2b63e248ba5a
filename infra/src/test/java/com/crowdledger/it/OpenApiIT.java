package com.crowdledger.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API description: served at {@code /v1/openapi.json} (and {@code /api/v1/...}) without a key or envelope, valid
 * OpenAPI 3.1, covering every route with its scope and errors; the reference for people at {@code /docs}, served
 * from the jar. The checks themselves are shown to fail on a description that misses something.
 */
class OpenApiIT extends IntegrationTest {
    /** The official OpenAPI 3.1 schema (with the schema dialect), from the openapi-parser jar: no network. */
    private static final String OAS_31_SCHEMA = "https://spec.openapis.org/oas/3.1/schema-base/2025-09-15";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlers;

    @Test
    void descriptionIsServedWithoutKeyOrEnvelopeUnderBothPrefixes() {
        ApiClient.Response response = api.get("/v1/openapi.json").send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().path("openapi").asText()).startsWith("3.1.");
        assertThat(response.json().has("success")).as("not wrapped in the envelope").isFalse();
        assertThat(response.header("Request-Id")).startsWith("req_");

        ApiClient.Response aliased = api.get("/api/v1/openapi.json").send();
        assertThat(aliased.status()).isEqualTo(200);
        assertThat(aliased.json().path("paths")).isEqualTo(response.json().path("paths"));
    }

    @Test
    void descriptionIsValidOpenApi31() {
        String description = api.get("/v1/openapi.json").send().body();
        assertThat(againstOpenApiSchema(description)).isEmpty();

        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(description);
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getSpecVersion()).isEqualTo(SpecVersion.V31);
    }

    @Test
    void schemaCheckFindsAnInvalidDescription() {
        ObjectNode broken = description();
        broken.remove("info");
        ((ObjectNode) broken.path("paths").path("/v1/auth/me").path("get").path("responses").path("200"))
                .remove("description");
        assertThat(againstOpenApiSchema(broken.toString())).isNotEmpty();
    }

    @Test
    void everyApiRouteIsDescribedWithItsScopeAndErrors() {
        assertThat(RouteCoverage.problems(description(), handlers.getHandlerMethods())).isEmpty();
    }

    @Test
    void coverageCheckFindsAMissingRouteScopeAndError() {
        ObjectNode doctored = description();
        ObjectNode paths = (ObjectNode) doctored.get("paths");
        paths.remove("/v1/auth/me");
        ((ObjectNode) paths.path("/v1/auth/api-keys").path("post")).remove("security");
        ((ObjectNode) paths.path("/v1/auth/api-keys").path("get").path("responses")).remove("401");
        ((ObjectNode) paths.path("/v1/auth/login").path("post").path("responses")).remove("401");

        List<String> problems = RouteCoverage.problems(doctored, handlers.getHandlerMethods());
        assertThat(problems).hasSize(5);
        assertThat(problems).anyMatch(p -> p.equals("GET /v1/auth/me is not in the API description"))
                .anyMatch(p -> p.startsWith("POST /v1/auth/api-keys does not ask for an API key with the scopes [keys]"))
                .anyMatch(p -> p.startsWith("POST /v1/auth/api-keys does not accept a dashboard session"))
                .anyMatch(p -> p.equals("GET /v1/auth/api-keys does not list INVALID_API_KEY under 401"))
                .anyMatch(p -> p.equals("POST /v1/auth/login does not list INVALID_CREDENTIALS under 401"));
    }

    @Test
    void enumsAppearWithTheirWireNames() {
        JsonNode keySummary = description().path("components").path("schemas").path("ApiKeySummary");
        assertThat(keySummary.path("properties").path("mode").path("enum").toString()).isEqualTo("[\"live\",\"test\"]");
        assertThat(keySummary.path("properties").path("scopes").path("items").path("enum").toString())
                .contains("\"game_owner\"", "\"keys\"");
        assertThat(keySummary.path("required").toString()).contains("\"id\"").doesNotContain("\"expiresAt\"");
        assertThat(keySummary.path("properties").path("expiresAt").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
    }

    @Test
    void trafficCheckRefusesAnUndocumentedStatusOrBody() {
        ApiContract contract = ApiContract.of(api.baseUrl());
        HttpHeaders headers = HttpHeaders.of(Map.of("Request-Id", List.of("req_1")), (name, value) -> true);
        String meta = "\"meta\":{\"requestId\":\"req_1\",\"timestamp\":\"2026-01-01T00:00:00Z\"}";

        assertThat(contract.violation("GET", "/v1/auth/me", 418, headers, "{}")).get().asString()
                .contains("GET /v1/auth/me answered 418, a status its description does not list");
        assertThat(contract.violation("GET", "/api/v1/auth/api-keys/key_1", 404, headers,
                "{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"API key not found\",\"status\":404,"
                        + "\"details\":[]}," + meta + "}")).isEmpty();
        assertThat(contract.violation("GET", "/v1/auth/api-keys/key_1", 404, headers,
                "{\"success\":false,\"error\":{\"code\":\"CONFLICT\",\"message\":\"no\",\"status\":404,"
                        + "\"details\":[]}," + meta + "}")).get().asString()
                .contains("#/paths/~1v1~1auth~1api-keys~1{id}/get/responses/404/content/application~1json/schema",
                        "/error/code");
        assertThat(contract.violation("GET", "/v1/auth/api-keys/key_1", 200, headers,
                "{\"success\":true,\"data\":{\"id\":\"key_1\",\"surprise\":1}," + meta + "}")).get().asString()
                .contains("surprise", "name");
        assertThat(contract.violation("GET", "/v1/auth/me", 200, HttpHeaders.of(Map.of(), (name, value) -> true),
                "{}")).get().asString().contains("the header Request-Id is missing");
        assertThat(contract.violation("GET", "/actuator/health", 200, headers, "{}")).as("not described").isEmpty();
        assertThatThrownBy(() -> contract.verify("GET", "/v1/auth/me", 418, headers, "{}"))
                .isInstanceOf(AssertionError.class);
        ApiContract.takeViolations(); // the one just provoked
    }

    @Test
    void docsPageAndItsAssetsAreServedFromTheJar() {
        ApiClient.Response docs = api.get("/docs").send();
        assertThat(docs.status()).isEqualTo(302);
        String page = docs.header("Location");
        assertThat(page).endsWith("/swagger-ui/index.html");

        ApiClient.Response index = api.get(page).send();
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.body()).contains("swagger-ui-bundle.js").doesNotContain("http://", "https://");
        String initializer = api.get("/swagger-ui/swagger-initializer.js").send().body();
        assertThat(initializer).contains("/v1/openapi.json/swagger-config").doesNotContain("petstore");
        ApiClient.Response config = api.get("/v1/openapi.json/swagger-config").send();
        assertThat(config.json().path("url").asText()).isEqualTo("/v1/openapi.json");
        for (String asset : List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css")) {
            assertThat(api.get("/swagger-ui/" + asset).send().status()).as(asset).isEqualTo(200);
        }
    }

    private ObjectNode description() {
        return (ObjectNode) JSON.readTree(api.get("/v1/openapi.json").send().body());
    }

    private static List<Error> againstOpenApiSchema(String description) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(resolvers -> resolvers
                        .mapPrefix("https://spec.openapis.org/oas/3.1", "classpath:openapi/3.1")));
        return registry.getSchema(SchemaLocation.of(OAS_31_SCHEMA)).validate(description, InputFormat.JSON);
    }
}
