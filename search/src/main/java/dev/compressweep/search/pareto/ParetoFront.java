package dev.compressweep.search.pareto;

import dev.compressweep.search.objective.Objective;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pareto dominance over any number of objectives, as pure functions.
 *
 * <p>A point dominates another when it is no worse in every objective and strictly better in at
 * least one. Stateless and thread-safe.
 */
public final class ParetoFront {
    private ParetoFront() {}

    /**
     * Returns the items no other item dominates, in input order. Items lacking an objective's
     * metric, or holding NaN for it, are left out; items with equal metrics are all kept.
     *
     * @param items the candidates, e.g. completed trials
     * @param metrics how to read an item's metrics
     * @param objectives what to optimise; at least one
     * @throws IllegalArgumentException if {@code objectives} is empty
     */
    public static <T> List<T> nonDominated(
            List<T> items,
            Function<? super T, ? extends Map<String, Double>> metrics,
            List<Objective> objectives) {
        Objects.requireNonNull(items, "`items` must not be null");
        Objects.requireNonNull(metrics, "`metrics` must not be null");
        Points.requireObjectives(objectives);
        List<T> candidates = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        for (T item : items) {
            Optional<double[]> vector = Points.minimized(metrics.apply(item), objectives);
            if (vector.isPresent()) {
                candidates.add(item);
                vectors.add(vector.get());
            }
        }
        List<T> front = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (!isDominated(vectors.get(i), vectors)) {
                front.add(candidates.get(i));
            }
        }
        return List.copyOf(front);
    }

    /**
     * Returns whether {@code a} dominates {@code b} under {@code objectives}.
     *
     * @throws IllegalArgumentException if either lacks an objective's metric or holds NaN for it,
     *     or if {@code objectives} is empty
     */
    public static boolean dominates(
            Map<String, Double> a, Map<String, Double> b, List<Objective> objectives) {
        Points.requireObjectives(objectives);
        return Points.dominates(Points.requireMinimized(a, objectives, "a"),
                Points.requireMinimized(b, objectives, "b"));
    }

    /**
     * Returns whether the minimised vector {@code a} dominates {@code b}: no worse in every
     * coordinate and better in at least one. Both have the same length.
     */
    public static boolean dominates(double[] a, double[] b) {
        return Points.dominates(a, b);
    }

    private static boolean isDominated(double[] vector, List<double[]> others) {
        for (double[] other : others) {
            if (Points.dominates(other, vector)) {
                return true;
            }
        }
        return false;
    }
}
