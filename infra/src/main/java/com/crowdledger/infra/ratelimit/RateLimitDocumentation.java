package com.crowdledger.infra.ratelimit;

import com.crowdledger.infra.openapi.DocumentedOperation;
import com.crowdledger.infra.openapi.OperationDocumenter;
import com.crowdledger.infra.web.ErrorStatus;
import com.crowdledger.shared.error.ErrorCode;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.JsonSchema;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Documents what {@link RateLimiting} does to every API request: the X-RateLimit-* headers, and 429 with Retry-After. */
@Component
class RateLimitDocumentation implements OperationDocumenter {
    private static final Map<String, String> WINDOW_HEADERS = Map.of(
            "X-RateLimit-Limit", "The limit of the window with the fewest requests left",
            "X-RateLimit-Remaining", "Requests left in that window",
            "X-RateLimit-Reset", "When that window starts again, in unix seconds");
    private static final String RETRY_AFTER = "Retry-After";

    @Override
    public void describe(Components components) {
        WINDOW_HEADERS.forEach((name, description) ->
                components.addHeaders(name, new Header().description(description).schema(integer())));
        components.addHeaders(RETRY_AFTER, new Header().required(true).schema(integer())
                .description("Whole seconds until a request would pass"));
    }

    @Override
    public void document(DocumentedOperation operation) {
        operation.mayAnswer(ErrorCode.RATE_LIMITED);
        WINDOW_HEADERS.keySet().stream().sorted().forEach(name ->
                operation.addResponseHeader(name, ref(name), status -> true));
        int throttled = ErrorStatus.of(ErrorCode.RATE_LIMITED);
        operation.addResponseHeader(RETRY_AFTER, ref(RETRY_AFTER), status -> status == throttled);
    }

    private static JsonSchema integer() {
        return (JsonSchema) new JsonSchema().types(Set.of("integer"));
    }

    private static Header ref(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }
}
