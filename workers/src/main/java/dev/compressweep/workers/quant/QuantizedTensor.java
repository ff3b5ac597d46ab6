package dev.compressweep.workers.quant;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor stored as integers: {@code value = (q - zeroPoint) * scale}, one scale per tensor or per
 * output channel. Immutable: arrays are copied in and out.
 *
 * @param scheme bits, granularity and symmetry
 * @param shape the tensor's dimensions
 * @param scales one positive scale per group (1 group, or {@code shape[0]} for per-channel)
 * @param zeroPoints one zero point per group (all 0 when symmetric)
 * @param data the integers as stored: one byte each for int8, two per byte for int4
 */
public record QuantizedTensor(QuantScheme scheme, int[] shape, float[] scales, int[] zeroPoints, byte[] data) {

    public QuantizedTensor {
        Objects.requireNonNull(scheme, "scheme");
        shape = shape.clone();
        scales = scales.clone();
        zeroPoints = zeroPoints.clone();
        data = data.clone();
        int groups = groups(scheme.granularity(), shape);
        if (scales.length != groups || zeroPoints.length != groups) {
            throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(shape) + " quantized "
                    + scheme.granularity().id() + " needs " + groups + " scales and zero points, but got "
                    + scales.length + " and " + zeroPoints.length);
        }
        if (data.length != scheme.dataBytes(size(shape))) {
            throw new IllegalArgumentException("a tensor of shape " + Arrays.toString(shape) + " at "
                    + scheme.bits() + " bits needs " + scheme.dataBytes(size(shape)) + " data bytes, but got "
                    + data.length);
        }
    }

    /** How many values the tensor holds. */
    public int size() {
        return size(shape);
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] scales() {
        return scales.clone();
    }

    @Override
    public int[] zeroPoints() {
        return zeroPoints.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The integers, one per value, unpacked. */
    public int[] values() {
        int[] out = new int[size()];
        if (scheme.bits() == 4) {
            return Int4.unpack(data, out.length);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i];
        }
        return out;
    }

    /** Number of scale groups a tensor of this shape has under a granularity. */
    public static int groups(Granularity granularity, int[] shape) {
        if (granularity == Granularity.PER_TENSOR) {
            return 1;
        }
        if (shape.length == 0 || shape[0] < 1) {
            throw new IllegalArgumentException(
                    "per-channel quantization needs a first dimension, but got shape " + Arrays.toString(shape));
        }
        return shape[0];
    }

    /** Product of the dimensions. */
    public static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("dimensions must be >= 0, but got " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
