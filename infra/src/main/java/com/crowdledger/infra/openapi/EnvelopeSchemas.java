package com.crowdledger.infra.openapi;

import com.crowdledger.infra.web.Envelope;
import com.crowdledger.shared.error.ErrorCode;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The envelope every response travels in (SPEC §3, {@link Envelope}), as schemas: {@code meta} and {@code error} are
 * generated from the envelope's own records; the success envelope is built around each operation's data.
 */
final class EnvelopeSchemas {
    static final String META = "ResponseMeta";
    static final String PAGE_META = "PageMeta";
    static final String ERROR = "ApiError";
    static final String ERROR_ENVELOPE = "ErrorEnvelope";

    private EnvelopeSchemas() {
    }

    static void addTo(Components components) {
        components.addSchemas(META, models(Envelope.Meta.class).get(Envelope.Meta.class.getSimpleName()));
        models(Envelope.Error.class).forEach((name, schema) ->
                components.addSchemas(name.equals(Envelope.Error.class.getSimpleName()) ? ERROR : name, schema));
        components.addSchemas(PAGE_META, new JsonSchema()
                .description("The meta of a list: hasMore says whether another page follows; cursor (only then) "
                        + "fetches it")
                .allOf(List.of(ref(META), new JsonSchema().required(List.of("hasMore")))));
        components.addSchemas(ERROR_ENVELOPE, envelope(false, "error", ref(ERROR), META));
    }

    /** The success envelope around an operation's data; a list's data is an array of it, with paging meta. */
    static Schema<?> success(Schema<?> data, boolean list) {
        return envelope(true, "data", list ? new JsonSchema().types(Set.of("array")).items(data) : data,
                list ? PAGE_META : META);
    }

    /** The error envelope of one status, with the codes an operation may answer with it. */
    static Schema<?> error(int status, Collection<ErrorCode> codes) {
        List<Object> names = codes.stream().<Object>map(Enum::name).toList();
        Schema<?> narrowed = new JsonSchema().addProperty("error", new JsonSchema()
                .addProperty("code", new JsonSchema().types(Set.of("string"))._enum(names))
                .addProperty("status", new JsonSchema()._const(status)));
        return new JsonSchema().allOf(List.of(ref(ERROR_ENVELOPE), narrowed));
    }

    static Schema<?> ref(String component) {
        return new JsonSchema().$ref("#/components/schemas/" + component);
    }

    private static Schema<?> envelope(boolean success, String payloadName, Schema<?> payload, String meta) {
        return new JsonSchema().types(Set.of("object"))
                .addProperty("success", new JsonSchema()._const(success))
                .addProperty(payloadName, payload)
                .addProperty("meta", ref(meta))
                .required(List.of("success", payloadName, "meta"));
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> models(Class<?> type) {
        return ModelConverters.getInstance(true).readAll(new AnnotatedType(type));
    }
}
