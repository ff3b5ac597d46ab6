package dev.compressweep.workers.onnx;

import dev.compressweep.workers.compress.StepParams;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Random;

/**
 * How activation ranges are chosen for int8 execution: from a sample of training images run through the
 * float network, either the observed minimum and maximum or the {@value #PERCENTILE} and
 * {@code 100 - }{@value #PERCENTILE} percentiles (which ignore rare outliers at the cost of clipping them).
 *
 * <p>Trial parameters (defaults in brackets): {@code quantize.calibration} minmax|percentile [minmax],
 * {@code quantize.calibration_samples} [256].
 *
 * @param method minimum/maximum or percentiles
 * @param samples how many training images to run, at least 1
 */
public record Calibration(Method method, int samples) {

    /** The upper percentile used by {@link Method#PERCENTILE}. */
    public static final double PERCENTILE = 99.99;

    /** The ways of turning observed values into a range. */
    public enum Method {
        /** The smallest and largest value seen. */
        MINMAX,
        /** The 0.01th and 99.99th percentiles of the values seen. */
        PERCENTILE;

        /** The name used in trial parameters, e.g. {@code minmax}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses {@code minmax} or {@code percentile}.
         *
         * @throws IllegalArgumentException for any other text
         */
        public static Method parse(String text) {
            for (Method m : values()) {
                if (m.id().equals(text)) {
                    return m;
                }
            }
            throw new IllegalArgumentException(
                    "quantize.calibration must be one of minmax, percentile, but got '" + text + "'");
        }
    }

    public Calibration {
        Objects.requireNonNull(method, "method");
        if (samples < 1) {
            throw new IllegalArgumentException("quantize.calibration_samples must be >= 1, but got " + samples);
        }
    }

    /** The calibration a trial's parameters ask for. */
    public static Calibration of(StepParams params) {
        return new Calibration(Method.parse(params.text("quantize.calibration", Method.MINMAX.id())),
                params.integer("quantize.calibration_samples", 256));
    }

    /**
     * Which training examples calibrate: {@link #samples()} of the {@code size} examples (all when fewer), drawn
     * without replacement with {@code seed}.
     */
    public int[] rows(int size, long seed) {
        int count = Math.min(samples, size);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return Arrays.copyOf(order, count);
    }

    /**
     * The uint8 parameters for a tensor whose observed values are {@code values} (the array may be
     * reordered).
     *
     * @throws IllegalArgumentException when there are no values or one is not finite
     */
    ActivationQuant quantize(float[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("calibration needs at least one observed value, but got none");
        }
        if (method == Method.MINMAX) {
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (float v : values) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            return ActivationQuant.covering(lo, hi);
        }
        Arrays.sort(values);
        return ActivationQuant.covering(rank(values, 100 - PERCENTILE), rank(values, PERCENTILE));
    }

    private static float rank(float[] sorted, double percent) {
        int index = (int) Math.round(percent / 100 * (sorted.length - 1));
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
