package com.crowdledger.infra.web;

import com.crowdledger.shared.web.ScalarText;
import java.time.Instant;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * What request bodies may say, for every route at once.
 * <ul>
 *   <li>A field named twice is refused (400), never "the last one wins": two parsers reading the same body (a
 *       gateway's and ours) must not see two different requests.</li>
 *   <li>A string, or a map's key, holding U+0000 or a lone UTF-16 surrogate (a legal JSON escape, {@code \ud800},
 *       that is not text) is refused (422, naming the field): PostgreSQL cannot store NUL, and a value that reached
 *       an event could never be projected (a tracking processor would retry it forever); a lone surrogate would be
 *       stored as "?", so what is answered, stored and compared would differ.</li>
 *   <li>A value has its field's JSON type (422 otherwise): text is a string, never a number or {@code true} made into
 *       one; a whole number is a number, never {@code "12"} or {@code 12.5}; a flag is {@code true} or
 *       {@code false}. A blank string is no number, rather than "absent" (which would take a default amount). Two
 *       exceptions are documented: a decimal (an amount) may come as a string, {@code "4.00"}, to keep it exact, and a
 *       field marked {@link ScalarText} takes a number as its text. An instant is ISO-8601 text, never epoch
 *       numbers.</li>
 * </ul>
 */
@Component
class StrictJson implements JsonMapperBuilderCustomizer {
    static final String NOT_TEXT = "must be text, without U+0000 (NUL) or lone surrogates";

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        builder.withCoercionConfigDefaults(config -> config.setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
        builder.withCoercionConfig(LogicalType.Integer, config -> config
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
        builder.withCoercionConfig(LogicalType.Boolean, config -> config
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
        builder.addModule(new SimpleModule("text-only").addDeserializer(String.class, new TextOnly())
                .addKeyDeserializer(String.class, new TextOnlyKeys())
                .addDeserializer(Instant.class, new InstantText()));
    }

    private static final class TextOnly extends StdDeserializer<String> {
        private final boolean scalars;

        TextOnly() {
            this(false);
        }

        private TextOnly(boolean scalars) {
            super(String.class);
            this.scalars = scalars;
        }

        /** A field marked {@link ScalarText} (a map's values too) takes a number or a flag as its text. */
        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean marked = property != null && property.getAnnotation(ScalarText.class) != null;
            return marked == scalars ? this : new TextOnly(marked);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            JsonToken token = parser.currentToken();
            if (token != JsonToken.VALUE_STRING && !(scalars && token.isScalarValue())) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            return requireText(scalars ? parser.getString() : StringDeserializer.instance.deserialize(parser, context));
        }
    }

    /** An instant is ISO-8601 text ({@code "2030-01-01T00:00:00Z"}), never a count of seconds or milliseconds. */
    private static final class InstantText extends StdDeserializer<Instant> {
        InstantText() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) context.handleUnexpectedToken(Instant.class, parser);
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }

    private static final class TextOnlyKeys extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            return requireText(key);
        }
    }

    /** A paired surrogate is one code point; an unpaired one stays a surrogate code point of its own. */
    private static String requireText(String value) {
        if (value != null && value.codePoints().anyMatch(c -> c == 0 || Character.getType(c) == Character.SURROGATE)) {
            throw new NotText();
        }
        return value;
    }

    /** Jackson wraps it with the field's path; its message is safe to show to clients. */
    static final class NotText extends IllegalArgumentException {
        NotText() {
            super(NOT_TEXT);
        }
    }
}
