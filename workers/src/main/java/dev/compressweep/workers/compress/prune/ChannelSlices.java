package dev.compressweep.workers.compress.prune;

import dev.compressweep.workers.model.LayerWeights;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Selects and cuts output channels (first weight dimension) and input channels (second) of a layer. Stateless. */
final class ChannelSlices {

    private ChannelSlices() {}

    /**
     * The {@code count} outputs of largest L1 norm (sum of absolute weights), in ascending order; ties go to
     * the lower index.
     */
    static int[] strongest(LayerWeights layer, int count) {
        float[] w = layer.weight();
        int rows = layer.outputs();
        int row = w.length / rows;
        double[] norms = new double[rows];
        for (int o = 0; o < rows; o++) {
            for (int j = o * row; j < (o + 1) * row; j++) {
                norms[o] += Math.abs(w[j]);
            }
        }
        return IntStream.range(0, rows).boxed()
                .sorted(Comparator.<Integer>comparingDouble(o -> -norms[o]).thenComparingInt(o -> o))
                .limit(count).mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The layer with only the outputs at {@code keep} (weights and bias). */
    static LayerWeights outputs(LayerWeights layer, int[] keep) {
        float[] w = layer.weight();
        int row = w.length / layer.outputs();
        float[] out = new float[keep.length * row];
        for (int k = 0; k < keep.length; k++) {
            System.arraycopy(w, keep[k] * row, out, k * row, row);
        }
        float[] bias = layer.bias();
        float[] keptBias = null;
        if (bias != null) {
            keptBias = new float[keep.length];
            for (int k = 0; k < keep.length; k++) {
                keptBias[k] = bias[keep[k]];
            }
        }
        int[] shape = layer.shape();
        shape[0] = keep.length;
        return new LayerWeights(shape, out, keptBias);
    }

    /** The layer reading only the inputs at {@code keep} (the weight's second dimension). */
    static LayerWeights inputs(LayerWeights layer, int[] keep) {
        int[] shape = layer.shape();
        int block = Arrays.stream(shape, 2, shape.length).reduce(1, Math::multiplyExact);
        float[] w = layer.weight();
        float[] out = new float[shape[0] * keep.length * block];
        for (int o = 0; o < shape[0]; o++) {
            for (int k = 0; k < keep.length; k++) {
                System.arraycopy(w, (o * shape[1] + keep[k]) * block, out, (o * keep.length + k) * block, block);
            }
        }
        shape[1] = keep.length;
        return new LayerWeights(shape, out, layer.bias());
    }

    /** The flat feature indices of channels {@code keep}, each channel owning {@code area} consecutive features. */
    static int[] features(int[] keep, int area) {
        int[] out = new int[keep.length * area];
        for (int k = 0; k < keep.length; k++) {
            for (int a = 0; a < area; a++) {
                out[k * area + a] = keep[k] * area + a;
            }
        }
        return out;
    }
}
