package dev.compressweep.search.pareto;

import dev.compressweep.search.objective.Objective;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The exact hypervolume a set of points dominates up to a reference point: the larger, the better
 * the set covers the trade-offs between objectives.
 *
 * <p>Maximised objectives are negated, so the reference is the worst corner. Two objectives take
 * a sweep in O(n log n); more are sliced along the last objective (HSO), keeping only the
 * non-dominated points of each slice. Stateless and thread-safe.
 */
public final class Hypervolume {
    private Hypervolume() {}

    /**
     * Returns the volume of the region dominated by {@code points} and bounded by
     * {@code reference}. Points not strictly better than the reference in every objective, or
     * lacking an objective's metric, or holding NaN for it, contribute nothing.
     *
     * @throws IllegalArgumentException if {@code objectives} is empty, if the reference lacks a
     *     finite value for an objective, or if a contributing point is infinitely good
     */
    public static double of(List<? extends Map<String, Double>> points, List<Objective> objectives,
            Map<String, Double> reference) {
        Objects.requireNonNull(points, "`points` must not be null");
        Points.requireObjectives(objectives);
        double[] ref = Points.requireMinimized(reference, objectives, "reference");
        for (int k = 0; k < ref.length; k++) {
            if (Double.isInfinite(ref[k])) {
                throw new IllegalArgumentException("`reference` must be finite for every "
                        + "objective, but got " + reference);
            }
        }
        List<double[]> inside = new ArrayList<>();
        for (Map<String, Double> point : points) {
            Optional<double[]> vector = Points.minimized(point, objectives);
            if (vector.isPresent() && strictlyBetter(vector.get(), ref)) {
                for (double v : vector.get()) {
                    if (Double.isInfinite(v)) {
                        throw new IllegalArgumentException("points must be finite to have a "
                                + "finite hypervolume, but got " + point);
                    }
                }
                inside.add(vector.get());
            }
        }
        return inside.isEmpty() ? 0.0 : volume(inside, ref, ref.length);
    }

    /**
     * Returns the volume of the region dominated by {@code points} and bounded by
     * {@code reference}, all given on a scale where smaller is better in every coordinate. Points
     * not strictly better than the reference in every coordinate, NaN ones included, contribute
     * nothing. The points are not modified.
     *
     * @throws IllegalArgumentException if the reference is empty or not finite, if a point's
     *     length differs from the reference's, or if a contributing point is infinitely good
     */
    public static double ofMinimized(List<double[]> points, double[] reference) {
        Objects.requireNonNull(points, "`points` must not be null");
        Objects.requireNonNull(reference, "`reference` must not be null");
        if (reference.length == 0 || !Arrays.stream(reference).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("`reference` must be non-empty and finite, but got "
                    + Arrays.toString(reference));
        }
        List<double[]> inside = new ArrayList<>();
        for (double[] point : points) {
            if (point.length != reference.length) {
                throw new IllegalArgumentException("every point must have as many coordinates as "
                        + "the reference (" + reference.length + "), but got "
                        + Arrays.toString(point));
            }
            if (strictlyBetter(point, reference)) {
                if (!Arrays.stream(point).allMatch(Double::isFinite)) {
                    throw new IllegalArgumentException("points must be finite to have a finite "
                            + "hypervolume, but got " + Arrays.toString(point));
                }
                inside.add(point);
            }
        }
        return inside.isEmpty() ? 0.0 : volume(inside, reference, reference.length);
    }

    private static boolean strictlyBetter(double[] point, double[] ref) {
        for (int k = 0; k < ref.length; k++) {
            if (!(point[k] < ref[k])) {
                return false;
            }
        }
        return true;
    }

    /** The volume dominated by {@code points} in their first {@code dims} coordinates. */
    private static double volume(List<double[]> points, double[] ref, int dims) {
        if (dims == 1) {
            return ref[0] - points.stream().mapToDouble(p -> p[0]).min().orElse(ref[0]);
        }
        if (dims == 2) {
            return area(points, ref);
        }
        int last = dims - 1;
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[last]));
        List<double[]> slice = new ArrayList<>();
        double total = 0.0;
        for (int i = 0; i < sorted.size(); i++) {
            double[] point = sorted.get(i);
            addNonDominated(slice, point, last);
            double next = i + 1 < sorted.size() ? sorted.get(i + 1)[last] : ref[last];
            if (next > point[last]) {
                total += (next - point[last]) * volume(slice, ref, last);
            }
        }
        return total;
    }

    /** The area dominated in the first two coordinates: a sweep in increasing first coordinate. */
    private static double area(List<double[]> points, double[] ref) {
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double total = 0.0;
        double ceiling = ref[1];
        for (double[] point : sorted) {
            if (point[1] < ceiling) {
                total += (ref[0] - point[0]) * (ceiling - point[1]);
                ceiling = point[1];
            }
        }
        return total;
    }

    /** Adds {@code point} to {@code front} unless weakly dominated, dropping what it dominates. */
    private static void addNonDominated(List<double[]> front, double[] point, int dims) {
        for (double[] member : front) {
            if (Points.weaklyDominates(member, point, dims)) {
                return;
            }
        }
        front.removeIf(member -> Points.weaklyDominates(point, member, dims));
        front.add(point);
    }

    /**
     * A reference point for {@code points} (at least one, minimised): their worst corner moved out by a tenth of their
     * range in each objective, and always far enough to be strictly worse than every point, so that the extremes of
     * a front contribute too.
     */
    public static double[] referenceBeyond(List<double[]> points) {
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
}
