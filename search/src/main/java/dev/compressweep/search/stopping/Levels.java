package dev.compressweep.search.stopping;

import dev.compressweep.search.pareto.Hypervolume;
import dev.compressweep.search.pareto.ParetoFront;
import java.util.ArrayList;
import java.util.List;

/**
 * Non-dominated levels, a reference point and exclusive hypervolume contributions of objective
 * vectors on a scale where smaller is better. Stateless and thread-safe.
 */
final class Levels {
    private Levels() {}

    /** Returns the indices of {@code points} by non-dominated level, the first level first. */
    static List<List<Integer>> of(List<double[]> points) {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            remaining.add(i);
        }
        List<List<Integer>> levels = new ArrayList<>();
        while (!remaining.isEmpty()) {
            List<Integer> level = new ArrayList<>();
            for (int i : remaining) {
                if (remaining.stream().noneMatch(
                        j -> ParetoFront.dominates(points.get(j), points.get(i)))) {
                    level.add(i);
                }
            }
            remaining.removeAll(level);
            levels.add(List.copyOf(level));
        }
        return levels;
    }

    /**
     * Returns a reference for {@code points}, at least one: their worst corner moved out by a
     * tenth of their range in each objective, and always far enough to be strictly worse than
     * every point, so that the extremes of a front contribute too.
     */
    static double[] reference(List<double[]> points) {
        double[] reference = new double[points.get(0).length];
        for (int k = 0; k < reference.length; k++) {
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double[] point : points) {
                low = Math.min(low, point[k]);
                high = Math.max(high, point[k]);
            }
            double floor = Math.max(1e-12, 1e-9 * Math.abs(high));
            reference[k] = high + Math.max(0.1 * (high - low), floor);
        }
        return reference;
    }

    /**
     * Returns each point's exclusive contribution, in input order: the hypervolume of all the
     * points up to {@code reference} minus that of all but this one.
     */
    static double[] exclusive(List<double[]> points, double[] reference) {
        double whole = Hypervolume.ofMinimized(points, reference);
        double[] contributions = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            List<double[]> others = new ArrayList<>(points);
            others.remove(i);
            contributions[i] = whole - Hypervolume.ofMinimized(others, reference);
        }
        return contributions;
    }
}
