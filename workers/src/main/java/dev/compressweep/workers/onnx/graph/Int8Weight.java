package dev.compressweep.workers.onnx.graph;

import dev.compressweep.workers.quant.Granularity;
import dev.compressweep.workers.quant.QuantScheme;
import dev.compressweep.workers.quant.QuantizedTensor;
import dev.compressweep.workers.quant.Quantizer;

/**
 * A weight quantized to symmetric int8 ({@code [-127, 127]}, zero point 0) with {@link Quantizer}, in the
 * weight's own layout: one scale, or one per slice along the output-channel axis (0, or 1 of a 2-D
 * {@code [K, N]} weight, which is quantized transposed and transposed back). Immutable: arrays are copied
 * in and out.
 *
 * @param data the integers, in the weight's layout
 * @param scales one scale, or one per output channel
 */
record Int8Weight(byte[] data, float[] scales) {

    private static final QuantScheme PER_TENSOR = new QuantScheme(8, Granularity.PER_TENSOR, true);
    private static final QuantScheme PER_CHANNEL = new QuantScheme(8, Granularity.PER_CHANNEL, true);

    Int8Weight {
        data = data.clone();
        scales = scales.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public float[] scales() {
        return scales.clone();
    }

    /**
     * Quantizes {@code values} of {@code dims}.
     *
     * @throws IllegalArgumentException when per-channel {@code axis} is neither 0 nor 1 of a 2-D weight, or a
     *     value is not finite
     */
    static Int8Weight of(float[] values, long[] dims, int axis, Granularity granularity) {
        int[] shape = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = Math.toIntExact(dims[i]);
        }
        if (granularity == Granularity.PER_TENSOR || axis == 0) {
            QuantizedTensor q = Quantizer.quantize(values, shape,
                    granularity == Granularity.PER_TENSOR ? PER_TENSOR : PER_CHANNEL);
            return new Int8Weight(q.data(), q.scales());
        }
        if (axis != 1 || shape.length != 2) {
            throw new IllegalArgumentException("per-channel weights are quantized along axis 0, or 1 of a 2-D weight, "
                    + "but got axis " + axis + " of a " + shape.length + "-D weight");
        }
        int rows = shape[0];
        int cols = shape[1];
        float[] transposed = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                transposed[c * rows + r] = values[r * cols + c];
            }
        }
        QuantizedTensor q = Quantizer.quantize(transposed, new int[] {cols, rows}, PER_CHANNEL);
        byte[] columns = q.data();
        byte[] data = new byte[columns.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                data[r * cols + c] = columns[c * rows + r];
            }
        }
        return new Int8Weight(data, q.scales());
    }
}
