package dev.compressweep.workers.quant;

/**
 * Linear quantization arithmetic on plain float arrays (row-major, first dimension = output channel).
 *
 * <p>Scales come from each group's range: {@code max|x| / qmax} when symmetric; otherwise the range
 * widened to include 0, divided by {@code qmax - qmin}, with the zero point rounded into range. Every
 * value then round-trips within half a scale. A group of zeros gets scale 1. Stateless and thread-safe.
 */
public final class Quantizer {

    private Quantizer() {}

    /**
     * Quantizes {@code values} of the given shape.
     *
     * @throws IllegalArgumentException when the shape does not match the number of values, or a value
     *     is not finite
     */
    public static QuantizedTensor quantize(float[] values, int[] shape, QuantScheme scheme) {
        int size = QuantizedTensor.size(shape);
        if (size != values.length) {
            throw new IllegalArgumentException("shape must hold as many values as given, but the shape holds "
                    + size + " and " + values.length + " were given");
        }
        int groups = QuantizedTensor.groups(scheme.granularity(), shape);
        int perGroup = groups == 0 ? 0 : size / groups;
        float[] scales = new float[groups];
        int[] zeroPoints = new int[groups];
        int[] q = new int[size];
        for (int g = 0; g < groups; g++) {
            int from = g * perGroup;
            int to = from + perGroup;
            float lo = 0f;
            float hi = 0f;
            for (int i = from; i < to; i++) {
                if (!Float.isFinite(values[i])) {
                    throw new IllegalArgumentException("cannot quantize a non-finite value: " + values[i] + " at " + i);
                }
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
            }
            float scale;
            int zeroPoint;
            if (scheme.symmetric()) {
                scale = Math.max(-lo, hi) / scheme.qmax();
                zeroPoint = 0;
            } else {
                scale = (hi - lo) / (scheme.qmax() - scheme.qmin());
                zeroPoint = scale > 0 ? clamp(Math.round(scheme.qmin() - lo / scale), scheme) : 0;
            }
            if (!(scale > 0)) {
                scale = 1f;
            }
            scales[g] = scale;
            zeroPoints[g] = zeroPoint;
            for (int i = from; i < to; i++) {
                q[i] = clamp(Math.round(values[i] / scale) + zeroPoint, scheme);
            }
        }
        return new QuantizedTensor(scheme, shape, scales, zeroPoints, scheme.pack(q));
    }

    /** The float values the tensor's integers stand for. */
    public static float[] dequantize(QuantizedTensor tensor) {
        int[] q = tensor.values();
        float[] scales = tensor.scales();
        int[] zeroPoints = tensor.zeroPoints();
        int perGroup = scales.length == 0 ? 0 : q.length / scales.length;
        float[] out = new float[q.length];
        for (int i = 0; i < q.length; i++) {
            int g = perGroup == 0 ? 0 : i / perGroup;
            out[i] = (q[i] - zeroPoints[g]) * scales[g];
        }
        return out;
    }

    private static int clamp(int q, QuantScheme scheme) {
        return Math.max(scheme.qmin(), Math.min(scheme.qmax(), q));
    }
}
