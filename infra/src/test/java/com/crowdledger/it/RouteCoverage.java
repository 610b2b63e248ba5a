package com.crowdledger.it;

import com.crowdledger.infra.web.ApiHandlers;
import com.crowdledger.infra.web.ErrorStatus;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.Scope;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Authenticated;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.NoIdempotencyKey;
import com.crowdledger.shared.web.PublicEndpoint;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import tools.jackson.databind.JsonNode;

/**
 * What the API description must say about every route of the API (every handler in {@code com.crowdledger}
 * packages but the operator routes and the error page), worked out here from the handlers themselves:
 * <ul>
 *   <li>the route is described, for each of its methods;</li>
 *   <li>its security: none for {@code @PublicEndpoint}; for {@code @Authenticated}, a Bearer key with the scopes
 *       as roles, the same scopes in {@code x-scopes}, and the dashboard session (with its CSRF token on unsafe
 *       methods) exactly where it is accepted;</li>
 *   <li>its 2xx answer in the success envelope (or a redirect), and every error code the platform and the endpoint
 *       may answer, under the code's status: HTTPS only, rate limits and internal errors everywhere; authentication;
 *       validation of bodies and query parameters; not found on routes with an id; idempotency on POST; the
 *       codes of {@code @Errors};</li>
 *   <li>{@code Request-Id} on every response; {@code Idempotency-Key} on POST; {@code limit} and {@code cursor}
 *       on lists.</li>
 * </ul>
 */
final class RouteCoverage {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private RouteCoverage() {
    }

    /** Everything the description fails to say; empty when it covers every route. */
    static List<String> problems(JsonNode description, Map<RequestMappingInfo, HandlerMethod> handlers) {
        List<String> problems = new ArrayList<>();
        description.path("paths").propertyNames().stream()
                .filter(path -> path.startsWith("/admin") || path.equals("/error"))
                .forEach(path -> problems.add(path + " is described but is not part of the API"));
        handlers.forEach((info, handler) -> {
            if (!ApiHandlers.isApi(handler)) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/admin/") || pattern.equals("/error")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    String route = method + " " + path;
                    JsonNode operation = description.path("paths").path(path).get(method.name().toLowerCase(Locale.ROOT));
                    if (operation == null) {
                        problems.add(route + " is not in the API description");
                    } else {
                        check(route, method.name(), operation, handler, problems);
                    }
                }
            }
        });
        return problems;
    }

    private static void check(String route, String method, JsonNode operation, HandlerMethod handler,
                              List<String> problems) {
        Set<ErrorCode> expected = EnumSet.of(ErrorCode.FORBIDDEN, ErrorCode.RATE_LIMITED, ErrorCode.INTERNAL_ERROR);
        Authenticated authenticated = annotation(handler, Authenticated.class);
        if (annotation(handler, PublicEndpoint.class) != null) {
            if (!operation.has("security") || !operation.get("security").isEmpty()) {
                problems.add(route + " is public but its security is not [] (" + operation.get("security") + ")");
            }
        } else {
            checkSecurity(route, method, operation, authenticated, problems);
            expected.addAll(List.of(ErrorCode.INVALID_API_KEY, ErrorCode.EMAIL_NOT_VERIFIED,
                    ErrorCode.SERVICE_UNAVAILABLE));
        }
        if (has(handler, RequestBody.class)) {
            expected.addAll(List.of(ErrorCode.INVALID_REQUEST, ErrorCode.PAYLOAD_TOO_LARGE,
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.VALIDATION_ERROR));
        }
        boolean list = Arrays.stream(handler.getMethodParameters())
                .anyMatch(p -> p.getParameterType() == PageRequest.class);
        if (has(handler, RequestParam.class) || list) {
            expected.add(ErrorCode.VALIDATION_ERROR);
        }
        if (has(handler, PathVariable.class)) {
            expected.add(ErrorCode.NOT_FOUND);
        }
        if ("POST".equals(method) && annotation(handler, NoIdempotencyKey.class) == null) {
            expected.addAll(List.of(ErrorCode.IDEMPOTENCY_MISMATCH, ErrorCode.CONFLICT));
            requireParameter(route, operation, "Idempotency-Key", problems);
        }
        if (list) {
            requireParameter(route, operation, PageRequest.LIMIT, problems);
            requireParameter(route, operation, "cursor", problems);
        }
        Stream.of(handler.getMethod(), handler.getBeanType())
                .map(element -> AnnotatedElementUtils.findMergedAnnotation(element, Errors.class))
                .filter(Objects::nonNull)
                .forEach(errors -> expected.addAll(List.of(errors.value())));

        JsonNode responses = operation.path("responses");
        for (ErrorCode code : expected) {
            JsonNode response = responses.path(String.valueOf(ErrorStatus.of(code)));
            if (!documentedCodes(response.path("content").path("application/json").path("schema")).contains(code.name())) {
                problems.add(route + " does not list " + code + " under " + ErrorStatus.of(code));
            }
        }
        List<String> successes = responses.propertyNames().stream().filter(status -> status.startsWith("2")).toList();
        if (successes.isEmpty() && responses.propertyNames().stream().noneMatch(status -> status.startsWith("3"))) {
            problems.add(route + " describes no successful answer (2xx, or a redirect)");
        }
        successes.forEach(status -> {
            JsonNode schema = responses.path(status).path("content").path("application/json").path("schema");
            if (!schema.isMissingNode() && !schema.path("required").toString().contains("\"data\"")) {
                problems.add(route + " answers " + status + " outside the success envelope");
            }
        });
        responses.properties().forEach(response -> {
            if (!response.getValue().path("headers").has("Request-Id")) {
                problems.add(route + " does not say that " + response.getKey() + " carries Request-Id");
            }
        });
    }

    private static void checkSecurity(String route, String method, JsonNode operation, Authenticated required,
                                      List<String> problems) {
        if (required == null) {
            problems.add(route + " has neither @Authenticated nor @PublicEndpoint");
            return;
        }
        List<String> scopes = Arrays.stream(required.scope()).map(Scope::wireName).toList();
        JsonNode security = operation.path("security");
        boolean key = security.valueStream().anyMatch(option -> option.has("apiKey")
                && stringList(option.get("apiKey")).equals(scopes));
        if (!key) {
            problems.add(route + " does not ask for an API key with the scopes " + scopes + ": " + security);
        }
        if (!stringList(operation.path("x-scopes")).equals(scopes) || !operation.has("x-scopes")) {
            problems.add(route + " does not say its scopes " + scopes + " in x-scopes: " + operation.get("x-scopes"));
        }
        boolean csrf = !SAFE_METHODS.contains(method);
        boolean session = required.dashboard()
                ? security.valueStream().anyMatch(option -> option.has("dashboardSession")
                        && option.has("csrfToken") == csrf)
                : security.valueStream().anyMatch(option -> option.has("dashboardSession"));
        if (session != required.dashboard()) {
            problems.add(route + (required.dashboard() ? " does not accept" : " accepts")
                    + " a dashboard session" + (csrf ? " with its CSRF token" : "") + ": " + security);
        }
    }

    private static void requireParameter(String route, JsonNode operation, String name, List<String> problems) {
        boolean present = operation.path("parameters").valueStream().anyMatch(parameter ->
                name.equals(parameter.path("name").asString(null))
                        || parameter.path("$ref").asString("").endsWith("/" + name));
        if (!present) {
            problems.add(route + " does not describe the parameter " + name);
        }
    }

    /** The codes an error response's schema allows, wherever they are narrowed (in the schema or its allOf). */
    private static Set<String> documentedCodes(JsonNode schema) {
        Set<String> codes = new TreeSet<>();
        Stream.concat(Stream.of(schema), schema.path("allOf").valueStream())
                .map(part -> part.path("properties").path("error").path("properties").path("code").path("enum"))
                .forEach(names -> names.valueStream().forEach(name -> codes.add(name.asString())));
        return codes;
    }

    private static List<String> stringList(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static boolean has(HandlerMethod handler, Class<? extends Annotation> annotation) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(annotation));
    }

    private static <A extends Annotation> A annotation(HandlerMethod handler, Class<A> type) {
        A onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), type);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), type);
    }
}
