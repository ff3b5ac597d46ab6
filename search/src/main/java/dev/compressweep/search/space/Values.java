package dev.compressweep.search.space;

import java.util.Objects;

/** Canonical forms of parameter values: integral numbers become Long, floats become Double. */
final class Values {
    private Values() {}

    /**
     * Returns the canonical form of a value a parameter may take.
     *
     * @throws NullPointerException if {@code value} is null
     * @throws IllegalArgumentException if {@code value} is not a String, Boolean or number
     */
    static Object canonical(Object value, String what) {
        Objects.requireNonNull(value, () -> what + " must not be null");
        Object canonical = canonicalOrSelf(value);
        if (canonical instanceof String
                || canonical instanceof Boolean
                || canonical instanceof Long
                || canonical instanceof Double) {
            return canonical;
        }
        throw new IllegalArgumentException(what
                + " must be a String, Boolean, Long, Integer or Double, but got "
                + value.getClass().getName() + " (" + value + ")");
    }

    /** Returns the canonical form of {@code value}, or {@code value} itself if it has none. */
    static Object canonicalOrSelf(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        return value;
    }

    /** Formats a value as a JSON-like literal: strings quoted and escaped, others as is. */
    static String format(Object value) {
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return String.valueOf(value);
    }
}
