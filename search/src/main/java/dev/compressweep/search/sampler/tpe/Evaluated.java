package dev.compressweep.search.sampler.tpe;

import dev.compressweep.search.space.Assignment;
import java.util.Arrays;
import java.util.Objects;

/**
 * A finished trial as the model sees it: what it tried, its objective values on a scale where
 * smaller is better, by how much it broke the constraints and, for a trial stopped early, the
 * epoch it was stopped at (its values are those measured then).
 *
 * <p>An immutable value; the vector is copied in and out.
 *
 * @param assignment the values the trial tried
 * @param objectives the objective values, smaller is better, all finite; empty for a failure
 * @param violation 0 when feasible, positive when a constraint is broken, positive infinity when
 *     the trial failed or lacks a metric
 * @param stoppedAt the epoch a stopped trial was stopped at, at least 1; 0 for a trial that ran
 *     to its end and for a failure
 */
public record Evaluated(
        Assignment assignment, double[] objectives, double violation, int stoppedAt) {

    /** Validates and copies the components. */
    public Evaluated {
        Objects.requireNonNull(assignment, "`assignment` must not be null");
        Objects.requireNonNull(objectives, "`objectives` must not be null");
        objectives = objectives.clone();
        if (!(violation >= 0)) {
            throw new IllegalArgumentException(
                    "`violation >= 0` must hold, but got violation=" + violation);
        }
        if (stoppedAt < 0) {
            throw new IllegalArgumentException(
                    "`stoppedAt >= 0` must hold, but got stoppedAt=" + stoppedAt);
        }
        for (double value : objectives) {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("objective values must be finite, but got "
                        + Arrays.toString(objectives));
            }
        }
        if (objectives.length == 0 && violation != Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("a trial without objective values must have an "
                    + "infinite violation, but got violation=" + violation);
        }
        if (objectives.length == 0 && stoppedAt != 0) {
            throw new IllegalArgumentException("a trial without objective values counts as "
                    + "failed, not stopped, but got stoppedAt=" + stoppedAt);
        }
    }

    /** Returns the outcome of a trial that ran to its end. */
    public Evaluated(Assignment assignment, double[] objectives, double violation) {
        this(assignment, objectives, violation, 0);
    }

    /** Returns the outcome of a trial that failed or reported too little to be compared. */
    public static Evaluated failed(Assignment assignment) {
        return new Evaluated(assignment, new double[0], Double.POSITIVE_INFINITY);
    }

    /** Returns a copy of the objective values. */
    @Override
    public double[] objectives() {
        return objectives.clone();
    }

    /** Returns whether the trial met every constraint. */
    public boolean isFeasible() {
        return violation == 0.0;
    }

    /** Returns whether the trial was stopped early, with the values measured then. */
    boolean isStopped() {
        return stoppedAt > 0;
    }

    /** Returns whether the trial broke a constraint by a finite amount. */
    boolean isInfeasible() {
        return violation > 0 && violation < Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Evaluated that && assignment.equals(that.assignment)
                && Arrays.equals(objectives, that.objectives)
                && Double.compare(violation, that.violation) == 0 && stoppedAt == that.stoppedAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(assignment, Arrays.hashCode(objectives), violation, stoppedAt);
    }

    @Override
    public String toString() {
        return "Evaluated[assignment=" + assignment.key() + ", objectives="
                + Arrays.toString(objectives) + ", violation=" + violation + ", stoppedAt="
                + stoppedAt + "]";
    }
}
