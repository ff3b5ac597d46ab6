package dev.compressweep.search.sampler.tpe;

import dev.compressweep.search.space.Assignment;
import java.util.Arrays;
import java.util.Objects;

/**
 * A finished trial as the model sees it: what it tried, its objective values on a scale where
 * smaller is better, and by how much it broke the constraints.
 *
 * <p>An immutable value; the vector is copied in and out.
 *
 * @param assignment the values the trial tried
 * @param objectives the objective values, smaller is better, all finite; empty for a failure
 * @param violation 0 when feasible, positive when a constraint is broken, positive infinity when
 *     the trial failed or lacks a metric
 */
public record Evaluated(Assignment assignment, double[] objectives, double violation) {

    /** Validates and copies the components. */
    public Evaluated {
        Objects.requireNonNull(assignment, "`assignment` must not be null");
        Objects.requireNonNull(objectives, "`objectives` must not be null");
        objectives = objectives.clone();
        if (!(violation >= 0)) {
            throw new IllegalArgumentException(
                    "`violation >= 0` must hold, but got violation=" + violation);
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

    /** Returns whether the trial broke a constraint by a finite amount. */
    boolean isInfeasible() {
        return violation > 0 && violation < Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Evaluated that && assignment.equals(that.assignment)
                && Arrays.equals(objectives, that.objectives)
                && Double.compare(violation, that.violation) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(assignment, Arrays.hashCode(objectives), violation);
    }

    @Override
    public String toString() {
        return "Evaluated[assignment=" + assignment.key() + ", objectives="
                + Arrays.toString(objectives) + ", violation=" + violation + "]";
    }
}
