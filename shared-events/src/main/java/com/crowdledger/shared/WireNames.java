package com.crowdledger.shared;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enums travel as lower-case names ("game_owner"); an unknown name is a client error that lists the allowed ones. */
public final class WireNames {
    private WireNames() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                    return constant;
                }
            }
        }
        throw new UnknownName("must be one of " + allowed(type));
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
}
