package dev.compressweep.deploy.selection;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.search.objective.Constraint;

/**
 * How far one candidate is from meeting one constraint.
 *
 * @param constraint the constraint
 * @param candidate the candidate
 * @param reached the candidate's value of the constraint's metric, NaN when it has none
 * @param gap the distance to the bound ({@link Constraint#violation}): 0 when met, infinite when unmeasured
 */
record Miss(Constraint constraint, Candidate candidate, double reached, double gap) {

    static Miss of(Constraint constraint, Candidate candidate) {
        return new Miss(constraint, candidate, candidate.metric(constraint.metric()),
                constraint.violation(candidate.metrics()));
    }

    /** The gap relative to the bound, {@code gap / |bound|}, or the gap itself when the bound is 0. */
    double relativeGap() {
        return constraint.bound() == 0 ? gap : gap / Math.abs(constraint.bound());
    }
}
