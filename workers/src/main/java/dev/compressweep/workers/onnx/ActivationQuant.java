package dev.compressweep.workers.onnx;

/**
 * How one activation tensor is quantized: {@code q = clamp(round(x / scale) + zeroPoint, 0, QMAX)}, stored
 * as uint8.
 *
 * <p>Activations are unsigned with a zero point (ONNX Runtime's x86 kernels multiply uint8 activations by
 * int8 weights). A range that contains 0 keeps 0.0 exact; after a ReLU the zero point is 0 and the whole
 * range serves positive values. The range stops at {@value #QMAX}, i.e. {@value #LEVELS} levels (7 bits):
 * on x86 CPUs without VNNI the uint8 x int8 kernels add pairs of products in saturating 16-bit integers
 * ({@code vpmaddubsw}), and {@code 2 * 255 * 127} overflows where {@code 2 * 127 * 128} does not. With
 * the full 8-bit range, per-channel int8 weights (which use all of {@code [-127, 127]}) moved logits by up
 * to 1.3 against the graph's exact meaning; with 7 bits the kernels compute it exactly.
 *
 * @param scale positive step between adjacent integers
 * @param zeroPoint the integer that stands for 0.0, in {@code [0, QMAX]}
 */
public record ActivationQuant(float scale, int zeroPoint) {

    /** The largest integer an activation takes. */
    public static final int QMAX = 127;
    /** How many values an activation can take. */
    public static final int LEVELS = QMAX + 1;

    public ActivationQuant {
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException("an activation scale must be positive and finite, but got " + scale);
        }
        if (zeroPoint < 0 || zeroPoint > QMAX) {
            throw new IllegalArgumentException("an activation zero point must lie in [0, " + QMAX + "], but got "
                    + zeroPoint);
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
        float scale = (float) ((hi - lo) / QMAX);
        int zeroPoint = (int) Math.max(0, Math.min(QMAX, Math.round(-lo / scale)));
        return new ActivationQuant(scale, zeroPoint);
    }
}
