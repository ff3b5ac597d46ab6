package dev.compressweep.search.sampler.tpe;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders objective vectors (smaller is better) from best to worst: by non-dominated level, and
 * within a level by crowding distance, largest first, so that the points kept from a level that
 * does not fit whole spread along the front.
 */
final class Fronts {
    private Fronts() {}

    /**
     * Returns the indices of the best {@code wanted} points of {@code points}, best first (all of
     * them if there are fewer).
     *
     * <p>Levels come from an efficient non-dominated sort: taken in lexicographic order, a point
     * can only be dominated by points before it, so it joins the first level none of whose
     * members dominates it.
     */
    static List<Integer> best(List<double[]> points, int wanted) {
        Integer[] byValue = new Integer[points.size()];
        for (int i = 0; i < byValue.length; i++) {
            byValue[i] = i;
        }
        Arrays.sort(byValue, (a, b) -> Arrays.compare(points.get(a), points.get(b)));
        List<List<Integer>> levels = new ArrayList<>();
        for (int i : byValue) {
            int level = 0;
            while (level < levels.size() && isDominated(points, i, levels.get(level))) {
                level++;
            }
            if (level == levels.size()) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(i);
        }
        List<Integer> order = new ArrayList<>();
        for (int level = 0; level < levels.size() && order.size() < wanted; level++) {
            order.addAll(byCrowding(points, levels.get(level)));
        }
        return List.copyOf(order.subList(0, Math.min(wanted, order.size())));
    }

    private static boolean isDominated(List<double[]> points, int i, List<Integer> level) {
        double[] point = points.get(i);
        for (int m = level.size() - 1; m >= 0; m--) {
            if (dominates(points.get(level.get(m)), point)) {
                return true;
            }
        }
        return false;
    }

    private static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            better |= a[k] < b[k];
        }
        return better;
    }

    /** The level's indices by decreasing crowding distance; ties keep their input order. */
    private static List<Integer> byCrowding(List<double[]> points, List<Integer> level) {
        int size = level.size();
        if (size <= 2) {
            return level;
        }
        double[] crowding = new double[size];
        Integer[] sorted = new Integer[size];
        for (int k = 0; k < points.get(level.get(0)).length; k++) {
            int axis = k;
            for (int m = 0; m < size; m++) {
                sorted[m] = m;
            }
            Arrays.sort(sorted, Comparator.comparingDouble(m -> points.get(level.get(m))[axis]));
            double low = points.get(level.get(sorted[0]))[axis];
            double span = points.get(level.get(sorted[size - 1]))[axis] - low;
            crowding[sorted[0]] = Double.POSITIVE_INFINITY;
            crowding[sorted[size - 1]] = Double.POSITIVE_INFINITY;
            for (int m = 1; m < size - 1 && span > 0; m++) {
                double gap = points.get(level.get(sorted[m + 1]))[axis]
                        - points.get(level.get(sorted[m - 1]))[axis];
                crowding[sorted[m]] += gap / span;
            }
        }
        Integer[] order = new Integer[size];
        for (int m = 0; m < size; m++) {
            order[m] = m;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer m) -> -crowding[m]));
        List<Integer> result = new ArrayList<>(size);
        for (int m : order) {
            result.add(level.get(m));
        }
        return result;
    }
}
