package dev.compressweep.workers.onnx;

/**
 * How one activation tensor is quantized to uint8: {@code q = clamp(round(x / scale) + zeroPoint, 0, 255)}.
 *
 * <p>Activations use uint8 with a zero point (the usual choice of ONNX Runtime's x86 kernels, which
 * multiply uint8 activations by int8 weights). A range that contains 0 keeps 0.0 exact; after a ReLU the
 * zero point is 0 and the whole range serves positive values.
 *
 * @param scale positive step between adjacent integers
 * @param zeroPoint the integer that stands for 0.0, in {@code [0, 255]}
 */
public record ActivationQuant(float scale, int zeroPoint) {

    /** The largest uint8 value. */
    static final int QMAX = 255;

    public ActivationQuant {
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException("an activation scale must be positive and finite, but got " + scale);
        }
        if (zeroPoint < 0 || zeroPoint > QMAX) {
            throw new IllegalArgumentException("a uint8 zero point must lie in [0, 255], but got " + zeroPoint);
        }
    }

    /**
     * The parameters that cover {@code [low, high]} widened to include 0; an empty range (all zeros)
     * gets scale 1.
     *
     * @throws IllegalArgumentException when a bound is not finite or {@code low > high}
     */
    public static ActivationQuant covering(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("an activation range needs finite low <= high, but got [" + low + ", "
                    + high + "]");
        }
        double lo = Math.min(low, 0);
        double hi = Math.max(high, 0);
        if (hi - lo == 0) {
            return new ActivationQuant(1f, 0);
        }
        int range = 127;
        float scale = (float) ((hi - lo) / range);
        int zeroPoint = (int) Math.max(0, Math.min(range, Math.round(-lo / scale)));
        return new ActivationQuant(scale, zeroPoint);
    }
}
