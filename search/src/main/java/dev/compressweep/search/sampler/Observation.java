package dev.compressweep.search.sampler;

import dev.compressweep.search.space.Assignment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A frozen snapshot of one trial: its index, what it tried, how it stands and, once complete,
 * the metrics it reported.
 *
 * <p>An immutable value; the metrics are copied in their iteration order.
 *
 * @param index the trial's index in its study, zero or more
 * @param assignment the values the trial tried
 * @param state the trial's state
 * @param metrics the reported metrics by name; empty unless {@code state} is COMPLETE
 */
public record Observation(
        int index, Assignment assignment, TrialState state, Map<String, Double> metrics) {

    /** Validates and copies the components. */
    public Observation {
        if (index < 0) {
            throw new IllegalArgumentException("`index >= 0` must hold, but got index=" + index);
        }
        Objects.requireNonNull(assignment, "`assignment` must not be null");
        Objects.requireNonNull(state, "`state` must not be null");
        Objects.requireNonNull(metrics, "`metrics` must not be null");
        if (state != TrialState.COMPLETE && !metrics.isEmpty()) {
            throw new IllegalArgumentException("only COMPLETE trials have metrics, but trial "
                    + index + " is " + state + " with " + metrics);
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        metrics.forEach((name, value) -> copy.put(
                Objects.requireNonNull(name, "a metric name must not be null"),
                Objects.requireNonNull(value, () -> "the value of metric '" + name + "' is null")));
        metrics = Collections.unmodifiableMap(copy);
    }

    /** Returns the snapshot of a trial still running. */
    public static Observation running(int index, Assignment assignment) {
        return new Observation(index, assignment, TrialState.RUNNING, Map.of());
    }

    /** Returns the snapshot of a trial that completed with {@code metrics}. */
    public static Observation complete(
            int index, Assignment assignment, Map<String, Double> metrics) {
        return new Observation(index, assignment, TrialState.COMPLETE, metrics);
    }

    /** Returns the snapshot of a trial that failed. */
    public static Observation failed(int index, Assignment assignment) {
        return new Observation(index, assignment, TrialState.FAILED, Map.of());
    }
}
