package dev.compressweep.search.stopping;

import dev.compressweep.search.internal.Require;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one trial measured after one epoch that is a rung: its intermediate objective and
 * constraint metrics (validation metrics, and what is already known of the others, such as size).
 *
 * <p>An immutable value; the metrics are copied in their iteration order.
 *
 * @param trial the trial's index in its sweep, zero or more
 * @param epoch the epoch just finished, at least 1
 * @param metrics the metrics measured after that epoch, by name
 */
public record RungResult(int trial, int epoch, Map<String, Double> metrics) {

    /** Validates and copies the components. */
    public RungResult {
        Require.nonNegative(trial, "trial");
        Require.atLeast(epoch, 1, "epoch");
        Objects.requireNonNull(metrics, "`metrics` must not be null");
        Map<String, Double> copy = new LinkedHashMap<>();
        metrics.forEach((name, value) -> copy.put(
                Objects.requireNonNull(name, "a metric name must not be null"),
                Objects.requireNonNull(value, () -> "the value of metric '" + name + "' is null")));
        metrics = Collections.unmodifiableMap(copy);
    }
}
