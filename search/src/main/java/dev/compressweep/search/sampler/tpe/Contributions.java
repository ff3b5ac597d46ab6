package dev.compressweep.search.sampler.tpe;

import dev.compressweep.search.pareto.Hypervolume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exclusive hypervolume contributions: how much of the volume a set of mutually non-dominated
 * points covers is covered by each point alone.
 *
 * <p>With a reference near the worst values seen (see {@link Hypervolume#referenceBeyond}), a point that is
 * extreme in one objective but poor in another contributes little. A point's contribution is
 * its own box minus the part the others cover: the hypervolume of the others clipped to that box
 * (each coordinate raised to the point's). Only the {@value #NEIGHBOURS} nearest others (in
 * coordinates scaled to the set's range) are clipped, which keeps large fronts cheap; the result
 * is exact when the points bounding a point's exclusive region are among them, as they are on
 * any front of at most {@value #NEIGHBOURS} + 1 points, and otherwise slightly too large.
 */
final class Contributions {
    static final int NEIGHBOURS = 16;

    private Contributions() {}

    /**
     * Returns each point's exclusive contribution, in input order, measured up to
     * {@code reference}, which every point must be strictly better than; points are minimised.
     */
    static double[] exclusive(List<double[]> points, double[] reference) {
        int dims = reference.length;
        double[] scale = new double[dims];
        for (int k = 0; k < dims; k++) {
            double low = Double.POSITIVE_INFINITY;
            for (double[] point : points) {
                low = Math.min(low, point[k]);
            }
            scale[k] = 1.0 / (reference[k] - low);
        }
        double[] contributions = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            double[] own = points.get(i);
            double box = 1.0;
            for (int k = 0; k < dims; k++) {
                box *= reference[k] - own[k];
            }
            List<double[]> clipped = new ArrayList<>(NEIGHBOURS);
            for (int j : nearest(points, i, scale)) {
                double[] other = points.get(j).clone();
                for (int k = 0; k < dims; k++) {
                    other[k] = Math.max(other[k], own[k]);
                }
                clipped.add(other);
            }
            contributions[i] = box - Hypervolume.ofMinimized(clipped, reference);
        }
        return contributions;
    }

    /** The indices of the points nearest point {@code i}, itself excluded, nearest first. */
    private static int[] nearest(List<double[]> points, int i, double[] scale) {
        int size = Math.min(NEIGHBOURS, points.size() - 1);
        int[] indices = new int[size];
        double[] distances = new double[size];
        Arrays.fill(distances, Double.POSITIVE_INFINITY);
        double[] own = points.get(i);
        for (int j = 0; j < points.size(); j++) {
            if (j == i) {
                continue;
            }
            double distance = 0;
            for (int k = 0; k < own.length; k++) {
                double gap = (points.get(j)[k] - own[k]) * scale[k];
                distance += gap * gap;
            }
            int at = size;
            while (at > 0 && distance < distances[at - 1]) {
                at--;
            }
            if (at < size) {
                System.arraycopy(distances, at, distances, at + 1, size - at - 1);
                System.arraycopy(indices, at, indices, at + 1, size - at - 1);
                distances[at] = distance;
                indices[at] = j;
            }
        }
        return indices;
    }
}
