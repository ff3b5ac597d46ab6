package dev.compressweep.workers.model;

import java.util.Arrays;

/**
 * The parameters of one weighted layer ({@link LayerSpec.Weighted}), copied out of native memory.
 * Immutable: arrays are copied in and out.
 *
 * @param shape the weight's dimensions, first = outputs, second = inputs (then kernel rows and columns)
 * @param weight row-major weight values
 * @param bias one value per output, or null when the layer has no bias
 */
public record LayerWeights(int[] shape, float[] weight, float[] bias) {

    public LayerWeights {
        shape = shape.clone();
        weight = weight.clone();
        bias = bias == null ? null : bias.clone();
        long size = Arrays.stream(shape).asLongStream().reduce(1, (a, b) -> a * b);
        if (shape.length < 2 || size != weight.length) {
            throw new IllegalArgumentException("a layer weight of shape " + Arrays.toString(shape)
                    + " must have >= 2 dimensions and as many values, but got " + weight.length + " values");
        }
        if (bias != null && bias.length != shape[0]) {
            throw new IllegalArgumentException("a bias must have one value per output (" + shape[0] + "), but got "
                    + bias.length);
        }
    }

    /** Outputs of the layer: the weight's first dimension. */
    public int outputs() {
        return shape[0];
    }

    /** Inputs of the layer: the weight's second dimension. */
    public int inputs() {
        return shape[1];
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] weight() {
        return weight.clone();
    }

    @Override
    public float[] bias() {
        return bias == null ? null : bias.clone();
    }
}
