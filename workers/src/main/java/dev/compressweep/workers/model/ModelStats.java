package dev.compressweep.workers.model;

import dev.compressweep.workers.data.ImageShape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counted costs of one forward pass of one sample through a {@link Topology}, as DJL executes it (dense
 * float32: zero weights of unstructured pruning and quantized weights cost as much as any other).
 *
 * <ul>
 *   <li>MACs: multiply-accumulates of the convolutions ({@code H_out * W_out * C_out * C_in * K * K}) and
 *       dense layers ({@code in * out}); biases, ReLU and pooling are not counted.
 *   <li>Peak memory: the parameters as float32 plus the largest pair of float32 activations a layer holds
 *       at once (its input and its output, the image included).
 * </ul>
 *
 * @param macs multiply-accumulates per sample
 * @param parameters scalar parameters
 * @param peakMemoryBytes bytes of parameters plus the largest input/output activation pair
 */
public record ModelStats(long macs, long parameters, long peakMemoryBytes) {

    /** Metric name of {@link #macs()}. */
    public static final String MACS = "macs";
    /** Metric name of {@link #peakMemoryBytes()}. */
    public static final String PEAK_MEMORY_BYTES = "peak_memory_bytes";

    private static final int FLOAT_BYTES = 4;

    public ModelStats {
        if (macs < 0 || parameters < 0 || peakMemoryBytes < 0) {
            throw new IllegalArgumentException("model statistics must be >= 0, but got macs=" + macs + ", parameters="
                    + parameters + ", peakMemoryBytes=" + peakMemoryBytes);
        }
    }

    /**
     * Counts the costs of {@code topology} on images of {@code input}.
     *
     * @throws IllegalArgumentException when a layer does not fit the shape it receives
     */
    public static ModelStats of(Topology topology, ImageShape input) {
        List<int[]> shapes = topology.shapes(input);
        long macs = 0;
        long parameters = 0;
        long activations = 0;
        for (int i = 0; i < topology.layers().size(); i++) {
            int[] in = shapes.get(i);
            if (topology.layers().get(i) instanceof LayerSpec.Weighted w) {
                macs += w.macs(in);
                parameters += w.parameters(in);
            }
            activations = Math.max(activations, elements(in) + elements(shapes.get(i + 1)));
        }
        return new ModelStats(macs, parameters, FLOAT_BYTES * (parameters + activations));
    }

    /** {@code macs} and {@code peak_memory_bytes}, in that order, as metrics. */
    public Map<String, Double> toMetrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(MACS, (double) macs);
        out.put(PEAK_MEMORY_BYTES, (double) peakMemoryBytes);
        return out;
    }

    private static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
