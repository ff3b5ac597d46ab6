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
