package com.crowdledger.infra.openapi;

import com.crowdledger.infra.web.ApiHandlers;
import com.crowdledger.infra.web.ErrorStatus;
import com.crowdledger.infra.web.RequestIds;
import com.crowdledger.query.paging.CursorCodec;
import com.crowdledger.query.paging.PageRequest;
import com.crowdledger.shared.error.ErrorCode;
import com.crowdledger.shared.web.Errors;
import com.crowdledger.shared.web.ListPage;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Turns what springdoc generated from the controllers into the API's real contract, for every operation alike:
 * <ul>
 *   <li>the 2xx body is the success envelope around the handler's data (an array with paging meta for a
 *       {@link ListPage}), and a list takes {@code limit} and {@code cursor};</li>
 *   <li>every error the operation may answer is listed under its status ({@link ErrorStatus}) in the error envelope:
 *       the web conventions' (HTTPS only, body and parameter validation, not found on routes with an id, internal
 *       errors), those of each {@link OperationDocumenter} (authentication, rate limits, idempotency), and the
 *       domain codes the endpoint declares with {@link Errors};</li>
 *   <li>{@code Request-Id} on every response, a tag per feature (the handler's package) and a stable operation id.</li>
 * </ul>
 * Nothing here names an endpoint: a new feature's controllers are documented by their annotations alone.
 */
@Component
class ApiDocumentation implements OpenApiCustomizer {
    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String EVENT_STREAM = org.springframework.http.MediaType.TEXT_EVENT_STREAM_VALUE;

    private final RequestMappingHandlerMapping mappings;
    private final List<OperationDocumenter> documenters;

    ApiDocumentation(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
                     List<OperationDocumenter> documenters) {
        this.mappings = mappings;
        this.documenters = documenters;
    }

    @Override
    public void customise(OpenAPI api) {
        Components components = api.getComponents() != null ? api.getComponents() : new Components();
        api.setComponents(components);
        EnvelopeSchemas.addTo(components);
        components.addHeaders(RequestIds.HEADER, new Header().required(true).schema(string())
                .description("The request's id, the same as meta.requestId: quote it when reporting a problem"));
        documenters.forEach(documenter -> documenter.describe(components));

        Map<String, HandlerMethod> handlers = handlersByRoute();
        Set<String> operationIds = new HashSet<>();
        Set<String> features = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            HandlerMethod handler = handlers.get(method.name() + " " + path);
            if (handler == null) {
                throw new IllegalStateException("No API handler answers " + method + " " + path);
            }
            String feature = feature(handler);
            features.add(feature);
            operation.setTags(List.of(feature));
            operation.setOperationId(unique(feature + StringUtils.capitalize(handler.getMethod().getName()),
                    operationIds));
            document(new DocumentedOperation(method.name(), path, handler, operation));
        }));
        api.setTags(features.stream().map(name -> new Tag().name(name)).toList());
    }

    private void document(DocumentedOperation documented) {
        Operation operation = documented.operation();
        if (takes(documented.handler(), PageRequest.class)) {
            operation.addParametersItem(new Parameter().in("query").name(PageRequest.LIMIT)
                    .description("How many items to return, newest first")
                    .schema(new JsonSchema().types(Set.of("integer")).minimum(BigDecimal.ONE)
                            .maximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT))
                            ._default(PageRequest.DEFAULT_LIMIT)));
            operation.addParametersItem(new Parameter().in("query").name(CursorCodec.FIELD)
                    .description("meta.cursor of the previous page, unchanged; absent for the first page")
                    .schema(string()));
        }
        documented.mayAnswer(ErrorCode.FORBIDDEN, ErrorCode.INTERNAL_ERROR); // HTTPS only; our own failures
        if (operation.getRequestBody() != null) {
            documented.mayAnswer(ErrorCode.INVALID_REQUEST, ErrorCode.PAYLOAD_TOO_LARGE,
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE, ErrorCode.VALIDATION_ERROR);
        }
        if (hasParameter(operation, "query")) {
            documented.mayAnswer(ErrorCode.VALIDATION_ERROR);
        }
        if (hasParameter(operation, "path")) {
            documented.mayAnswer(ErrorCode.NOT_FOUND, ErrorCode.VALIDATION_ERROR);
        }
        declaredErrors(documented.handler()).forEach(documented::mayAnswer);
        documented.addResponseHeader(RequestIds.HEADER, headerRef(RequestIds.HEADER), status -> true);
        documenters.forEach(documenter -> documenter.document(documented));
        writeResponses(documented, isList(documented.handler()));
        if (!documented.sentences().isEmpty()) {
            operation.setDescription(String.join(" ", documented.sentences()));
        }
    }

    /**
     * The success envelope around springdoc's 2xx schemas; then the errors, grouped by status, in the error envelope
     * (beside another body the handler declares for that status, such as an HTML page); then headers.
     */
    private static void writeResponses(DocumentedOperation documented, boolean list) {
        ApiResponses responses = documented.operation().getResponses();
        // springdoc cannot know our error answers: only the 2xx, and what the handler declares itself, stay
        Set<String> declared = declaredResponses(documented.handler());
        responses.keySet().removeIf(status -> !status.startsWith("2") && !declared.contains(status));
        responses.forEach((status, response) -> {
            if (status.startsWith("3")) {
                response.setContent(null); // a redirect has no body, whatever the handler's return type
            }
        });
        // a stream of Server-Sent Events is text, whatever Java type writes it
        responses.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("2"))
                .map(Map.Entry::getValue)
                .filter(response -> response.getContent() != null)
                .map(response -> response.getContent().get(EVENT_STREAM))
                .filter(Objects::nonNull)
                .forEach(media -> media.setSchema(string().description("Server-Sent Events (text/event-stream): "
                        + "events of `id:`, `event:` and `data:` lines, and comment lines starting with `:`")));
        responses.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith("2"))
                .map(Map.Entry::getValue)
                .filter(response -> response.getContent() != null)
                .flatMap(response -> response.getContent().entrySet().stream())
                .filter(media -> org.springframework.http.MediaType.APPLICATION_JSON
                        .isCompatibleWith(org.springframework.http.MediaType.parseMediaType(media.getKey())))
                .forEach(media -> media.getValue().setSchema(EnvelopeSchemas.success(media.getValue().getSchema(),
                        list)));
        documented.errors().stream()
                .collect(Collectors.groupingBy(ErrorStatus::of, TreeMap::new, Collectors.toCollection(TreeSet::new)))
                .forEach((status, codes) -> {
                    String errorCodes = codes.stream().map(code -> "`" + code.name() + "`")
                            .collect(Collectors.joining(", ", "Error codes: ", "."));
                    ApiResponse response = responses.computeIfAbsent(String.valueOf(status),
                            ignored -> new ApiResponse().content(new Content()));
                    response.description(response.getDescription() == null ? errorCodes
                            : response.getDescription() + ". Otherwise, in JSON: " + errorCodes);
                    if (response.getContent() == null) {
                        response.content(new Content());
                    }
                    response.getContent().addMediaType(JSON,
                            new MediaType().schema(EnvelopeSchemas.error(status, codes)));
                });
        responses.forEach((status, response) -> documented.headers().stream()
                .filter(header -> header.statuses().test(Integer.parseInt(status)))
                .forEach(header -> response.addHeaderObject(header.name(), header.header())));
    }

    static Header headerRef(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    static JsonSchema string() {
        return (JsonSchema) new JsonSchema().types(Set.of("string"));
    }

    /** Every API handler by "METHOD /path", the path written as springdoc writes it (no regex in variables). */
    private Map<String, HandlerMethod> handlersByRoute() {
        Map<String, HandlerMethod> routes = new HashMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!ApiHandlers.isApi(handler)) {
                return;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                (methods.isEmpty() ? Set.of(RequestMethod.values()) : methods)
                        .forEach(method -> routes.put(method.name() + " " + path, handler));
            }
        });
        return routes;
    }

    /** The feature a handler belongs to: its package's last name ({@code ...command.apikey} → apikey). */
    private static String feature(HandlerMethod handler) {
        String packageName = handler.getBeanType().getPackageName();
        return packageName.substring(packageName.lastIndexOf('.') + 1);
    }

    private static String unique(String operationId, Set<String> taken) {
        String candidate = operationId;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = operationId + n;
        }
        return candidate;
    }

    private static boolean takes(HandlerMethod handler, Class<?> type) {
        return Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.getParameterType() == type);
    }

    private static boolean hasParameter(Operation operation, String in) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> in.equals(parameter.getIn()));
    }

    /** What the handler returns, under a ResponseEntity, is a page of a list. */
    private static boolean isList(HandlerMethod handler) {
        ResolvableType returned = ResolvableType.forMethodReturnType(handler.getMethod());
        if (HttpEntity.class.isAssignableFrom(returned.toClass())) {
            returned = returned.as(HttpEntity.class).getGeneric(0);
        }
        return ListPage.class.isAssignableFrom(returned.toClass());
    }

    /**
     * The statuses the handler documents itself with swagger's {@code @ApiResponse}: answers outside the platform's
     * conventions, such as a redirect, an HTML page or a second success status.
     */
    private static Set<String> declaredResponses(HandlerMethod handler) {
        return AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(),
                        io.swagger.v3.oas.annotations.responses.ApiResponse.class).stream()
                .map(io.swagger.v3.oas.annotations.responses.ApiResponse::responseCode)
                .collect(Collectors.toSet());
    }

    /** The codes declared by {@link Errors} on the method and on its class. */
    private static List<ErrorCode> declaredErrors(HandlerMethod handler) {
        return Stream.of(
                        AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), Errors.class),
                        AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), Errors.class))
                .filter(Objects::nonNull)
                .flatMap(errors -> Arrays.stream(errors.value()))
                .toList();
    }
}
