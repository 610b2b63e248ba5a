package com.crowdledger.infra.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a record's fields promise, in its schema: every field is present and never null, unless its type is
 * {@code @Nullable} (JSpecify); then it may be null or absent. So a response that leaves out a field, or sends null
 * where the record said it would not, fails the integration tests' check against the description.
 */
@Component
class RecordNullability implements ModelConverter {
    private static final String NULL = "null";
    private static final String REFS = "#/components/schemas/";

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        Class<?> raw = TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
        if (resolved == null || !raw.isRecord()) {
            return resolved;
        }
        Schema<?> model = resolved.get$ref() == null ? resolved
                : context.getDefinedModels().get(resolved.get$ref().substring(REFS.length()));
        if (model != null && model.getProperties() != null) {
            describe(raw, model);
        }
        return resolved;
    }

    private static void describe(Class<?> record, Schema<?> model) {
        Map<String, Schema> properties = model.getProperties();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = jsonName(component);
            Schema<?> property = properties.get(name);
            if (property == null) {
                continue; // not serialized
            }
            if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                properties.put(name, orNull(property));
            } else {
                required.add(name);
            }
        }
        model.setRequired(required.isEmpty() ? null : required);
    }

    private static String jsonName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    /** The property's schema, also allowing null (OpenAPI 3.1 has no {@code nullable}: null is a JSON type). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> orNull(Schema property) {
        if (property.get$ref() != null || property.getAllOf() != null || property.getOneOf() != null
                || property.getAnyOf() != null) {
            return new JsonSchema().oneOf(List.of(property, new JsonSchema().types(Set.of(NULL))));
        }
        Set<String> types = new LinkedHashSet<>();
        if (property.getTypes() != null) {
            types.addAll(property.getTypes());
        } else if (property.getType() != null) {
            types.add(property.getType());
        }
        types.add(NULL);
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            property.getEnum().add(null);
        }
        return property;
    }
}
