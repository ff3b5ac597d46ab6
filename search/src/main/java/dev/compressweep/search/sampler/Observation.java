package dev.compressweep.search.sampler;

import dev.compressweep.search.space.Assignment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A frozen snapshot of one trial: its index, what it tried, how it stands and, once complete or
 * stopped, the metrics it reported.
 *
 * <p>A STOPPED trial carries the metrics measured at the epoch it was stopped at (its rung), and
 * that epoch; samplers may learn from them, but they are intermediate values, never final ones.
 * An immutable value; the metrics are copied in their iteration order.
 *
 * @param index the trial's index in its study, zero or more
 * @param assignment the values the trial tried
 * @param state the trial's state
 * @param metrics the reported metrics by name; empty unless {@code state} is COMPLETE or STOPPED
 * @param stoppedAt for a STOPPED trial, the epoch it was stopped at, at least 1; 0 otherwise
 */
public record Observation(int index, Assignment assignment, TrialState state,
        Map<String, Double> metrics, int stoppedAt) {

    /** Validates and copies the components. */
    public Observation {
        if (index < 0) {
            throw new IllegalArgumentException("`index >= 0` must hold, but got index=" + index);
        }
        Objects.requireNonNull(assignment, "`assignment` must not be null");
        Objects.requireNonNull(state, "`state` must not be null");
        Objects.requireNonNull(metrics, "`metrics` must not be null");
        boolean measured = state == TrialState.COMPLETE || state == TrialState.STOPPED;
        if (!measured && !metrics.isEmpty()) {
            throw new IllegalArgumentException("only COMPLETE and STOPPED trials have metrics, but "
                    + "trial " + index + " is " + state + " with " + metrics);
        }
        if (state == TrialState.STOPPED && stoppedAt < 1) {
            throw new IllegalArgumentException("a STOPPED trial needs the epoch it was stopped at, "
                    + "`stoppedAt >= 1`, but trial " + index + " has stoppedAt=" + stoppedAt);
        }
        if (state != TrialState.STOPPED && stoppedAt != 0) {
            throw new IllegalArgumentException("only STOPPED trials have `stoppedAt`, but trial "
                    + index + " is " + state + " with stoppedAt=" + stoppedAt);
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        metrics.forEach((name, value) -> copy.put(
                Objects.requireNonNull(name, "a metric name must not be null"),
                Objects.requireNonNull(value, () -> "the value of metric '" + name + "' is null")));
        metrics = Collections.unmodifiableMap(copy);
    }

    /** Creates the snapshot of a trial in any state but STOPPED, which also needs its epoch. */
    public Observation(
            int index, Assignment assignment, TrialState state, Map<String, Double> metrics) {
        this(index, assignment, state, metrics, 0);
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

    /**
     * Returns the snapshot of a trial stopped early at epoch {@code stoppedAt} (its rung), with
     * the metrics measured there.
     */
    public static Observation stopped(int index, Assignment assignment, int stoppedAt,
            Map<String, Double> metrics) {
        return new Observation(index, assignment, TrialState.STOPPED, metrics, stoppedAt);
    }

    /** Returns the snapshot of a trial that failed. */
    public static Observation failed(int index, Assignment assignment) {
        return new Observation(index, assignment, TrialState.FAILED, Map.of());
    }
}
