package dev.compressweep.search.bench;

import java.util.Arrays;

/**
 * The mean and sample standard deviation of some numbers.
 *
 * @param mean the arithmetic mean
 * @param std the sample standard deviation (n - 1), 0 for one number
 */
record Stats(double mean, double std) {

    /** Returns the statistics of {@code values}, at least one. */
    static Stats of(double[] values) {
        double mean = Arrays.stream(values).average().orElseThrow();
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return new Stats(mean, values.length > 1 ? Math.sqrt(squares / (values.length - 1)) : 0);
    }
}
