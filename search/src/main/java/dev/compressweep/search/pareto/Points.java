package dev.compressweep.search.pareto;

import dev.compressweep.search.objective.Objective;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Metric maps as vectors on a scale where smaller is better in every objective. */
final class Points {
    private Points() {}

    /** Checks that there is at least one objective. */
    static List<Objective> requireObjectives(List<Objective> objectives) {
        Objects.requireNonNull(objectives, "`objectives` must not be null");
        if (objectives.isEmpty()) {
            throw new IllegalArgumentException("at least one objective is needed, but got none");
        }
        return objectives;
    }

    /** Returns the vector of {@code metrics}, empty if an objective's metric is missing or NaN. */
    static Optional<double[]> minimized(Map<String, Double> metrics, List<Objective> objectives) {
        double[] vector = new double[objectives.size()];
        for (int k = 0; k < vector.length; k++) {
            Objective objective = objectives.get(k);
            Double value = metrics.get(objective.metric());
            if (value == null || value.isNaN()) {
                return Optional.empty();
            }
            vector[k] = objective.direction().toMinimized(value);
        }
        return Optional.of(vector);
    }

    /** Returns the vector of {@code metrics}, which must hold every objective's metric. */
    static double[] requireMinimized(
            Map<String, Double> metrics, List<Objective> objectives, String what) {
        Objects.requireNonNull(metrics, () -> "`" + what + "` must not be null");
        return minimized(metrics, objectives).orElseThrow(() -> new IllegalArgumentException("`"
                + what + "` must hold a non-NaN value for every objective in " + objectives
                + ", but got " + metrics));
    }

    /** Returns whether {@code a} is no worse than {@code b} in its first {@code dims} axes. */
    static boolean weaklyDominates(double[] a, double[] b, int dims) {
        for (int k = 0; k < dims; k++) {
            if (a[k] > b[k]) {
                return false;
            }
        }
        return true;
    }

    /** Returns whether {@code a} is no worse than {@code b} everywhere and better somewhere. */
    static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            better |= a[k] < b[k];
        }
        return better;
    }
}
