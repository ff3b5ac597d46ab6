package dev.compressweep.search.space;

import dev.compressweep.search.internal.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The values chosen for the active parameters of one trial, by parameter name.
 *
 * <p>An immutable value: the map is copied in insertion order with values in canonical form
 * (integral numbers as {@link Long}, floats as {@link Double}). Equality ignores the order.
 *
 * @param values the value of each parameter, by name; no null names or values
 */
public record Assignment(Map<String, Object> values) {

    /** Validates and copies the values. */
    public Assignment {
        Objects.requireNonNull(values, "`values` must not be null");
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String name = Require.nonBlank(entry.getKey(), "parameter name");
            copy.put(name, Values.canonical(entry.getValue(), "the value of '" + name + "'"));
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** Returns the assignment with no values. */
    public static Assignment empty() {
        return new Assignment(Map.of());
    }

    /** Returns an assignment holding {@code values}, in their iteration order. */
    public static Assignment of(Map<String, ?> values) {
        return new Assignment(new LinkedHashMap<>(values));
    }

    /** Returns a copy with {@code name} set to {@code value}, appended if it is new. */
    public Assignment with(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return new Assignment(copy);
    }

    /** Returns whether a value is assigned to {@code name}. */
    public boolean has(String name) {
        return values.containsKey(name);
    }

    /**
     * Returns the value assigned to {@code name}.
     *
     * @throws NoSuchElementException if there is none
     */
    public Object get(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw new NoSuchElementException("no value for '" + name + "' in " + key());
        }
        return value;
    }

    /** Returns the String assigned to {@code name}. */
    public String getString(String name) {
        return typed(name, String.class);
    }

    /** Returns the integer assigned to {@code name}. */
    public long getLong(String name) {
        return typed(name, Long.class);
    }

    /** Returns the number assigned to {@code name} as a double; integers are converted. */
    public double getDouble(String name) {
        return typed(name, Number.class).doubleValue();
    }

    /** Returns the Boolean assigned to {@code name}. */
    public boolean getBoolean(String name) {
        return typed(name, Boolean.class);
    }

    /**
     * Returns a canonical text of the assignment, equal for equal assignments and distinct for
     * distinct ones: a JSON-like object with names sorted, e.g. {@code {"bits":4,"lr":0.01}}.
     */
    public String key() {
        return new TreeMap<>(values).entrySet().stream()
                .map(e -> Values.format(e.getKey()) + ":" + Values.format(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private <T> T typed(String name, Class<T> type) {
        Object value = get(name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("'" + name + "' holds a "
                    + value.getClass().getSimpleName() + " (" + Values.format(value)
                    + "), not a " + type.getSimpleName());
        }
        return type.cast(value);
    }
}
