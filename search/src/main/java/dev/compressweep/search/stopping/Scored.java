package dev.compressweep.search.stopping;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.List;
import java.util.Map;

/**
 * A trial's metrics as the stopping rules compare them: its objective values on a scale where
 * smaller is better, or none when one is missing or not finite, and its total constraint
 * violation, each constraint's taken relative to its bound (as the Bayesian sampler takes it):
 * 0 when feasible, positive infinity when a constraint's metric is missing. An immutable value.
 *
 * @param trial the trial's index
 * @param vector the objective values, smaller is better, or null when not all are measured
 * @param violation the total relative violation
 */
record Scored(int trial, double[] vector, double violation) {

    /** Scores {@code metrics} of trial {@code trial}. */
    static Scored of(int trial, Map<String, Double> metrics, List<Objective> objectives,
            List<Constraint> constraints) {
        double[] vector = new double[objectives.size()];
        for (int k = 0; k < vector.length; k++) {
            Double value = metrics.get(objectives.get(k).metric());
            if (value == null || !Double.isFinite(value)) {
                vector = null;
                break;
            }
            vector[k] = objectives.get(k).direction().toMinimized(value);
        }
        double violation = 0.0;
        for (Constraint constraint : constraints) {
            double broken = constraint.violation(metrics);
            double scale = constraint.bound() == 0.0 ? 1.0 : Math.abs(constraint.bound());
            violation += broken > 0 ? Math.max(broken / scale, Double.MIN_VALUE) : 0.0;
        }
        return new Scored(trial, vector, violation);
    }

    /** Returns 0 when feasible, 1 when infeasible by a finite amount, 2 when not measured. */
    int group() {
        if (vector == null || violation == Double.POSITIVE_INFINITY) {
            return 2;
        }
        return violation == 0.0 ? 0 : 1;
    }

}
