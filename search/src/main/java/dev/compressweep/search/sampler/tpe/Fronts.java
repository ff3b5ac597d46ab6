package dev.compressweep.search.sampler.tpe;

import dev.compressweep.search.pareto.Hypervolume;
import dev.compressweep.search.pareto.ParetoFront;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders objective vectors (smaller is better) from best to worst: by non-dominated level and,
 * within the last level that does not fit whole, by exclusive hypervolume contribution up to the
 * worst values of all the points ({@link Contributions}), largest first, so that the points kept
 * cover the front well rather than its far ends, where points can be poor in another objective.
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
        List<List<Integer>> levels = levels(points);
        List<Integer> order = new ArrayList<>();
        double[] reference = points.isEmpty() ? new double[0] : Hypervolume.referenceBeyond(points);
        for (int level = 0; level < levels.size() && order.size() < wanted; level++) {
            List<Integer> members = levels.get(level);
            order.addAll(order.size() + members.size() > wanted
                    ? byContribution(points, members, reference) : members);
        }
        return List.copyOf(order.subList(0, Math.min(wanted, order.size())));
    }

    /** The indices of {@code points} by non-dominated level, the first level first. */
    static List<List<Integer>> levels(List<double[]> points) {
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
        return levels;
    }

    private static boolean isDominated(List<double[]> points, int i, List<Integer> level) {
        double[] point = points.get(i);
        for (int m = level.size() - 1; m >= 0; m--) {
            if (ParetoFront.dominates(points.get(level.get(m)), point)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The level's indices by decreasing exclusive hypervolume contribution (see
     * {@link Contributions}); ties keep their order.
     */
    private static List<Integer> byContribution(List<double[]> points, List<Integer> level,
            double[] reference) {
        List<double[]> members = level.stream().map(points::get).toList();
        double[] contribution = Contributions.exclusive(members, reference);
        Integer[] order = new Integer[level.size()];
        for (int m = 0; m < order.length; m++) {
            order[m] = m;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer m) -> -contribution[m]));
        List<Integer> result = new ArrayList<>(order.length);
        for (int m : order) {
            result.add(level.get(m));
        }
        return result;
    }
}
