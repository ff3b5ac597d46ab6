package dev.compressweep.workers.compress;

import java.util.Arrays;
import java.util.Objects;

/**
 * One parameter tensor of a network, copied out of (or into) native memory. Immutable.
 *
 * @param name the parameter's name in the block, e.g. {@code 01Linear_weight}
 * @param shape its dimensions (first = output channel for weights)
 * @param weight whether it is a weight (quantizable) rather than a bias
 * @param values row-major float values
 */
public record NamedTensor(String name, int[] shape, boolean weight, float[] values) {

    public NamedTensor {
        Objects.requireNonNull(name, "name");
        shape = shape.clone();
        values = values.clone();
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape)
                    + " needs " + size + " values, but got " + values.length);
        }
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public float[] values() {
        return values.clone();
    }
}
