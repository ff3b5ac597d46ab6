package dev.compressweep.search.sampler.tpe;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A Parzen density on [0, 1]: one Gaussian kernel per observation, truncated to the interval and
 * carrying the observation's weight, mixed with a uniform prior worth {@code priorWeight}
 * observations of weight 1.
 *
 * <p>Each kernel's width is the larger gap to its neighbouring observations (a lone observation
 * gets the whole interval), clipped to {@code [1 / min(100, n + 1), 1]}: wide where observations
 * are sparse, narrow where they crowd, never so narrow that the density collapses onto a point.
 * The prior keeps the density positive everywhere, so log-densities are finite. Evaluating it
 * costs one exponential per kernel near the point. Immutable.
 */
final class Parzen {
    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final int MAX_REJECTIONS = 64;
    /** Kernels farther than this many widths (squared) add under e^-25 of their peak: skipped. */
    private static final double FAR = 50.0;

    private final double[] centres;
    private final double[] inverseWidths;
    private final double[] widths;
    private final double[] logScales;
    private final double[] cumulative;
    private final double priorShare;
    private final double priorWeight;

    /** Fits the density to {@code units}, each in [0, 1], with weight 1 each. */
    Parzen(double[] units, double priorWeight) {
        this(units, ones(units.length), priorWeight);
    }

    /** Fits the density to {@code units}, each in [0, 1], each with its positive weight. */
    Parzen(double[] units, double[] weights, double priorWeight) {
        int n = units.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(units[a], units[b]));
        this.centres = new double[n];
        this.cumulative = new double[n];
        double weightSum = 0.0;
        for (int i = 0; i < n; i++) {
            centres[i] = units[order[i]];
            weightSum += weights[order[i]];
            cumulative[i] = weightSum;
        }
        this.priorWeight = priorWeight;
        double total = weightSum + priorWeight;
        this.priorShare = priorWeight / total;
        this.widths = new double[n];
        this.inverseWidths = new double[n];
        this.logScales = new double[n];
        double narrowest = 1.0 / Math.min(100, n + 1);
        double logTotal = Math.log(total);
        for (int i = 0; i < n; i++) {
            double left = i == 0 ? 0.0 : centres[i] - centres[i - 1];
            double right = i == n - 1 ? 0.0 : centres[i + 1] - centres[i];
            double gap = n == 1 ? 1.0 : Math.max(left, right);
            double width = Math.min(1.0, Math.max(narrowest, gap));
            double mass = 1.0 - Gaussian.upperTail(centres[i] / width)
                    - Gaussian.upperTail((1.0 - centres[i]) / width);
            widths[i] = width;
            inverseWidths[i] = 1.0 / width;
            logScales[i] = Math.log(weights[order[i]]) - logTotal - Math.log(width * mass) - LOG_SQRT_2PI;
        }
    }

    /** Returns the log of the density at {@code unit}, a point of [0, 1]. */
    double logDensity(double unit) {
        double density = priorShare;
        for (int i = 0; i < centres.length; i++) {
            double z = (unit - centres[i]) * inverseWidths[i];
            double squared = z * z;
            if (squared < FAR) {
                density += Math.exp(logScales[i] - 0.5 * squared);
            }
        }
        return Math.log(density);
    }

    private static double[] ones(int n) {
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return ones;
    }

    /** Draws a point of [0, 1]: a kernel chosen by weight (or the prior), then a point of it. */
    double sample(RandomGenerator rng) {
        double weightSum = centres.length == 0 ? 0.0 : cumulative[centres.length - 1];
        double pick = rng.nextDouble() * (weightSum + priorWeight);
        if (pick < priorWeight) {
            return rng.nextDouble();
        }
        int found = Arrays.binarySearch(cumulative, pick - priorWeight);
        int i = Math.min(centres.length - 1, found >= 0 ? found + 1 : -found - 1);
        for (int attempt = 0; attempt < MAX_REJECTIONS; attempt++) {
            double unit = centres[i] + widths[i] * rng.nextGaussian();
            if (unit >= 0.0 && unit <= 1.0) {
                return unit;
            }
        }
        return centres[i];
    }
}
