package dev.compressweep.workers.compress;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trial's flattened settings ({@code distill.temperature -> 4.0}) with typed, validated reads.
 * Values may be numbers, booleans or text (as JSON delivers them). Immutable and thread-safe.
 */
public final class StepParams {

    private final Map<String, Object> values;

    public StepParams(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** All settings, unmodifiable. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** A real number, or {@code fallback} when absent. */
    public double real(String key, double fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + key + " must be a number, but got '" + v + "'", e);
        }
    }

    /** A whole number, or {@code fallback} when absent; {@code 2.0} is accepted as 2. */
    public int integer(String key, int fallback) {
        if (!values.containsKey(key)) {
            return fallback;
        }
        double d = real(key, fallback);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter " + key + " must be a whole number, but got " + values.get(key));
        }
        return (int) d;
    }

    /** {@code true} or {@code false} (as boolean or text), or {@code fallback} when absent. */
    public boolean flag(String key, boolean fallback) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String text = v.toString().trim();
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        throw new IllegalArgumentException("parameter " + key + " must be true or false, but got '" + v + "'");
    }

    /** Text, or {@code fallback} when absent. */
    public String text(String key, String fallback) {
        Object v = values.get(key);
        return v == null ? fallback : v.toString();
    }
}
