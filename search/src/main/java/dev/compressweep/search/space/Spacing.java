package dev.compressweep.search.space;

import dev.compressweep.search.internal.Require;

/** Interpolation on linear or logarithmic scales, shared by the numeric ranges. */
final class Spacing {
    private Spacing() {}

    /** Checks the number of grid points asked for a continuous range. */
    static int requirePoints(int pointsForContinuous) {
        return Require.atLeast(pointsForContinuous, 2, "pointsForContinuous");
    }

    /**
     * Returns the point at fraction {@code t} of the way from {@code low} to {@code high}, on a
     * logarithmic scale when {@code log}, clamped to {@code [low, high]}.
     */
    static double interpolate(double low, double high, double t, boolean log) {
        double value = log
                ? Math.exp(Math.log(low) * (1 - t) + Math.log(high) * t)
                : low * (1 - t) + high * t;
        return Math.min(high, Math.max(low, value));
    }

    /** Returns {@code points} values evenly spaced over {@code [low, high]}, both ends exact. */
    static double[] evenly(double low, double high, int points, boolean log) {
        double[] values = new double[points];
        for (int i = 0; i < points; i++) {
            values[i] = interpolate(low, high, (double) i / (points - 1), log);
        }
        values[0] = low;
        values[points - 1] = high;
        return values;
    }
}
