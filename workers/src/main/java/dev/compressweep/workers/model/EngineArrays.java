package dev.compressweep.workers.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Arrays whose memory the engine owns, made from Java values.
 *
 * <p>DJL's PyTorch engine wraps the direct Java buffer it copies values into ({@code from_blob}): that memory is
 * freed by the Java collector, not by PyTorch, once the array is closed. DJL's arithmetic with a Java number
 * ({@code x.div(2f)}) makes such a scalar array and closes it at once, while PyTorch keeps the scalar in the autograd
 * graph for the backward pass: a collection in between frees it, and the gradient is computed with whatever the
 * allocator put there since. Measured (one fixed one-epoch distillation run again and again in one JVM): the losses
 * left the path the other runs took in about 1 % of the runs, now and then by 28 points of accuracy, and the rare NaN
 * losses of benign trials seen in benchmarks and tests fit the same cause. So every array that enters training or
 * inference and every constant of a loss is made here, in memory PyTorch allocates and frees itself. (Weights set
 * from Java values stay wrapped: {@code set} keeps the buffer with the array for as long as the array lives.)
 */
public final class EngineArrays {

    private EngineArrays() {}

    /** A new array of {@code values} in {@code shape}, attached to {@code manager}, in the engine's own memory. */
    public static NDArray of(NDManager manager, float[] values, Shape shape) {
        try (NDArray wrapped = manager.create(values, shape)) {
            return wrapped.duplicate();
        }
    }

    /** As above, for int32 values in one dimension. */
    public static NDArray of(NDManager manager, int[] values) {
        try (NDArray wrapped = manager.create(values)) {
            return wrapped.duplicate();
        }
    }

    /**
     * A float32 scalar in {@code manager}, in the engine's own memory. Arithmetic with a Java number on a DJL array
     * wraps that number in a scalar array it closes at once, while the engine may keep it in the autograd graph until
     * the backward pass: every constant of a loss must be made here instead.
     */
    public static NDArray scalar(NDManager manager, float value) {
        return of(manager, new float[] {value}, new Shape());
    }
}
