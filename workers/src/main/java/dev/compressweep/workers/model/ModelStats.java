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
 *       dense layers ({@code in * out}); biases, batch normalisation, ReLU, pooling and residual sums are not
 *       counted.
 *   <li>Parameters: the learned scalars, i.e. weights, biases and batch normalisation's gamma and beta; its
 *       running mean and variance are state, not parameters (as in PyTorch).
 *   <li>Peak memory: the parameters and running statistics as float32 plus the largest number of float32
 *       activations held at once: a layer's input and output (the image included); a residual holds its
 *       input while its main path runs, then its input and the main path's result while its shortcut runs.
 * </ul>
 *
 * @param macs multiply-accumulates per sample
 * @param parameters learned scalar parameters
 * @param peakMemoryBytes bytes of parameters, running statistics and the most activations held at once
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
        Counts counts = new Counts();
        long activations = counts.add(topology.layers(), new int[] {input.channels(), input.height(), input.width()});
        return new ModelStats(counts.macs, counts.parameters,
                FLOAT_BYTES * (counts.parameters + counts.statistics + activations));
    }

    /** {@code macs} and {@code peak_memory_bytes}, in that order, as metrics. */
    public Map<String, Double> toMetrics() {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(MACS, (double) macs);
        out.put(PEAK_MEMORY_BYTES, (double) peakMemoryBytes);
        return out;
    }

    /** Running totals over the layers of a network, residual paths included. */
    private static final class Counts {
        long macs;
        long parameters;
        long statistics;

        /** Counts {@code layers} run on {@code input}; returns the most activations they hold at once. */
        long add(List<LayerSpec> layers, int[] input) {
            long peak = 0;
            int[] shape = input;
            for (LayerSpec layer : layers) {
                int[] out = layer.outputShape(shape);
                long held = elements(shape) + elements(out);
                if (layer instanceof LayerSpec.Weighted w) {
                    macs += w.macs(shape);
                    parameters += w.parameters(shape);
                } else if (layer instanceof LayerSpec.BatchNorm) {
                    parameters += 2L * shape[0];
                    statistics += 2L * shape[0];
                } else if (layer instanceof LayerSpec.Residual r) {
                    held = elements(shape) + Math.max(add(r.main(), shape), add(r.shortcut(), shape) + elements(out));
                }
                peak = Math.max(peak, held);
                shape = out;
            }
            return peak;
        }
    }

    private static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
