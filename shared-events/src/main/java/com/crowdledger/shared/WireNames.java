package com.crowdledger.shared;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Enums travel as lower-case names ("game_owner"), in the API and in stored events alike. A constant is also read
 * from its {@link WireAlias} names, which is how a wire name can change without breaking old events or old clients.
 * An unknown name is a client error that lists the allowed names.
 */
public final class WireNames {
    private static final ClassValue<Map<String, Enum<?>>> BY_NAME = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> names = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                Enum<?> value = (Enum<?>) constant;
                names.put(value.name().toLowerCase(Locale.ROOT), value);
                WireAlias aliases = aliasesOf(type, value);
                if (aliases != null) {
                    Arrays.stream(aliases.value()).forEach(alias -> names.put(alias, value));
                }
            }
            return Map.copyOf(names);
        }
    };

    private WireNames() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        Enum<?> constant = value == null ? null : BY_NAME.get(type).get(value);
        if (constant == null) {
            throw new UnknownName("must be one of " + allowed(type));
        }
        return type.cast(constant);
    }

    /** A name outside the enum; its message (the allowed names) is safe to show to clients. */
    public static final class UnknownName extends IllegalArgumentException {
        UnknownName(String message) {
            super(message);
        }
    }

    public static <E extends Enum<E>> String allowed(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    private static WireAlias aliasesOf(Class<?> type, Enum<?> constant) {
        try {
            return type.getField(constant.name()).getAnnotation(WireAlias.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }
}
