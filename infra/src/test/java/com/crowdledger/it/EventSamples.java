package com.crowdledger.it;

import com.crowdledger.shared.Money;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fixed sample of any event record, every component filled by its type: the same value on every run, so the
 * sample's JSON is what the golden file of a new event holds, and a golden file that still reads as the current
 * shape deserializes to exactly this sample.
 */
final class EventSamples {
    static final Instant INSTANT = Instant.parse("2026-11-23T10:15:30.123456Z");

    private EventSamples() {
    }

    static Object of(Class<?> recordType) {
        RecordComponent[] components = recordType.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getGenericType());
        }
        try {
            Constructor<?> constructor = recordType.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a sample of " + recordType.getName(), e);
        }
    }

    private static Object value(String name, Type type) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (raw == List.class) {
                return List.of(value(name, arguments[0]));
            }
            if (raw == Set.class) {
                return Set.of(value(name, arguments[0]));
            }
            if (raw == Map.class) {
                return Map.of(value(name + "Key", arguments[0]), value(name, arguments[1]));
            }
            throw new IllegalStateException("No sample for " + type + " (" + name + "): add one here");
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return name + "-sample";
        }
        if (raw == Instant.class) {
            return INSTANT;
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 11, 23);
        }
        if (raw == Money.class) {
            return Money.of("12.34", "USD"); // a currency the sample's String would not be
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("12.34");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == int.class || raw == Integer.class) {
            return 7;
        }
        if (raw == long.class || raw == Long.class) {
            return 1234L;
        }
        if (raw == Money.class) {
            return Money.of("12.34", "USD");
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw.isRecord()) {
            return of(raw);
        }
        throw new IllegalStateException("No sample for " + raw.getName() + " (" + name + "): add one here");
    }
}
