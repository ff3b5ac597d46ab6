package dev.compressweep.search.sampler.tpe;

/** Tails of the standard normal distribution, fast enough for hundreds of kernels per ask. */
final class Gaussian {
    /** Beyond this many standard deviations the tail is under 1e-9 and taken as 0. */
    private static final double NEGLIGIBLE = 6.0;
    private static final double SQRT2 = Math.sqrt(2);

    private Gaussian() {}

    /** Returns {@code P(Z > x)} for a standard normal Z and {@code x >= 0}. */
    static double upperTail(double x) {
        return x > NEGLIGIBLE ? 0.0 : 0.5 * erfc(x / SQRT2);
    }

    /**
     * Returns {@code erfc(x)} with a relative error under 1.2e-7: the Chebyshev-fitted rational
     * form of Press et al., Numerical Recipes, section 6.2.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277))))))));
        double tail = t * Math.exp(-z * z + poly);
        return x >= 0 ? tail : 2.0 - tail;
    }
}
