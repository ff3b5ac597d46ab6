package dev.compressweep.workers.onnx.graph;

import dev.compressweep.workers.onnx.Calibration;
import java.util.Arrays;
import java.util.Random;

/**
 * The range of the values one tensor takes over calibration batches: the exact minimum and maximum, and for
 * percentiles a uniform sample of at most {@value #CAPACITY} values (reservoir sampling with a fixed seed,
 * so that the same batches give the same range). Not thread-safe.
 */
final class RangeObserver {

    /** The most values kept for percentiles. */
    static final int CAPACITY = 1 << 20;

    private final boolean sampling;
    private final Random random = new Random(0);
    private float[] kept = new float[0];
    private int size;
    private long seen;
    private float low = Float.POSITIVE_INFINITY;
    private float high = Float.NEGATIVE_INFINITY;

    /** An observer that keeps a sample when {@code method} needs percentiles. */
    RangeObserver(Calibration.Method method) {
        this.sampling = method == Calibration.Method.PERCENTILE;
    }

    /**
     * Observes {@code values}.
     *
     * @throws IllegalArgumentException when a value is not finite
     */
    void add(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("calibration needs finite activations, but one is " + v);
            }
            low = Math.min(low, v);
            high = Math.max(high, v);
            if (sampling) {
                keep(v);
            }
        }
    }

    /**
     * {@code [low, high]}: the minimum and maximum, or with a sample the {@code 100 - percentile} and
     * {@code percentile} percentiles.
     *
     * @throws IllegalStateException when nothing was observed
     */
    float[] range(double percentile) {
        if (low > high) {
            throw new IllegalStateException("a range needs observed values, but none were observed");
        }
        if (!sampling) {
            return new float[] {low, high};
        }
        float[] sorted = Arrays.copyOf(kept, size);
        Arrays.sort(sorted);
        return new float[] {rank(sorted, 100 - percentile), rank(sorted, percentile)};
    }

    private void keep(float v) {
        seen++;
        if (size < CAPACITY) {
            if (size == kept.length) {
                kept = Arrays.copyOf(kept, Math.min(CAPACITY, Math.max(1024, size * 2)));
            }
            kept[size++] = v;
            return;
        }
        long slot = (long) (random.nextDouble() * seen);
        if (slot < CAPACITY) {
            kept[(int) slot] = v;
        }
    }

    private static float rank(float[] sorted, double percent) {
        int index = (int) Math.round(percent / 100 * (sorted.length - 1));
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
