package dev.compressweep.deploy.mlmodel;

import java.util.List;
import java.util.Objects;

/**
 * A float32 tensor of a model's signature: its name and its shape, whose first dimension is the batch
 * ({@value #BATCH}: any number of rows). Immutable.
 *
 * @param name the tensor's name in the ONNX graph
 * @param shape {@code [-1, d1, d2, ...]} with every {@code d >= 1}
 */
public record TensorSpec(String name, List<Long> shape) {

    /** The batch dimension: any size. */
    public static final long BATCH = -1;

    public TensorSpec {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a tensor needs a name, but got a blank one");
        }
        shape = List.copyOf(shape);
        if (shape.size() < 2 || shape.get(0) != BATCH) {
            throw new IllegalArgumentException("tensor " + name + " must have the shape [-1, d1, ...] with a dynamic"
                    + " batch first, but got " + shape);
        }
        if (shape.stream().skip(1).anyMatch(d -> d < 1)) {
            throw new IllegalArgumentException("the dimensions after the batch of tensor " + name
                    + " must be >= 1, but got " + shape);
        }
    }

    /** The number of values in one row of a batch: the product of the dimensions after the batch. */
    public long rowSize() {
        return shape.stream().skip(1).reduce(1L, Math::multiplyExact);
    }
}
