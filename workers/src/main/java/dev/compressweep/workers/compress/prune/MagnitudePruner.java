package dev.compressweep.workers.compress.prune;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Unstructured magnitude pruning: zeroes the weights (never the biases) of smallest absolute value,
 * exactly {@code round(sparsity * n)} of the {@code n} weights ranked together: all weights of the network
 * (global scope) or each weight tensor alone (layer scope). Ties are broken by position (earlier first), so
 * the count is exact even among equal magnitudes; weights already zero are ranked first. Stateless.
 */
public final class MagnitudePruner {

    private MagnitudePruner() {}

    /** A new float network with {@code model}'s weights pruned; {@code model} is left open and unchanged. */
    static CompressedModel prune(CompressedModel model, double sparsity, boolean global) {
        List<NamedTensor> tensors = model.tensors();
        List<float[]> weights = new ArrayList<>();
        for (NamedTensor t : tensors) {
            if (t.weight()) {
                weights.add(t.values());
            }
        }
        if (global) {
            zeroSmallest(weights, sparsity);
        } else {
            weights.forEach(w -> zeroSmallest(List.of(w), sparsity));
        }
        List<NamedTensor> out = new ArrayList<>();
        int w = 0;
        for (NamedTensor t : tensors) {
            out.add(t.weight() ? new NamedTensor(t.name(), t.shape(), true, weights.get(w++)) : t);
        }
        return model.withTensors(out, Map.of());
    }

    /**
     * Sets to zero, in place, the {@code round(sparsity * total)} values of smallest magnitude across
     * {@code arrays}, ties going to the earlier position (arrays in order, then index).
     */
    public static void zeroSmallest(List<float[]> arrays, double sparsity) {
        int total = arrays.stream().mapToInt(a -> a.length).sum();
        int k = (int) Math.round(sparsity * total);
        // Magnitude bits (order-preserving for non-negative floats) in the high half, position in the low half.
        long[] keys = new long[total];
        int g = 0;
        for (float[] a : arrays) {
            for (float v : a) {
                keys[g] = (long) Float.floatToIntBits(Math.abs(v)) << 32 | g;
                g++;
            }
        }
        Arrays.sort(keys);
        boolean[] pruned = new boolean[total];
        for (int i = 0; i < k; i++) {
            pruned[(int) keys[i]] = true;
        }
        g = 0;
        for (float[] a : arrays) {
            for (int i = 0; i < a.length; i++, g++) {
                if (pruned[g]) {
                    a[i] = 0f;
                }
            }
        }
    }
}
