package dev.compressweep.workers.compress.lowrank;

import dev.compressweep.workers.model.LayerWeights;
import java.util.List;

/**
 * Factorises a dense layer {@code W (out x in)} by truncated SVD, {@code W ~ U_r S_r V_r^T}, into a layer
 * {@code in -> r} without bias, weight {@code sqrt(S_r) V_r^T}, followed by a layer {@code r -> out} with
 * the original bias, weight {@code U_r sqrt(S_r)} (the singular values split evenly between the two).
 * At full rank the product equals {@code W} up to rounding. Immutable.
 */
final class TruncatedSvd {

    private final Svd svd;
    private final LayerWeights layer;

    private TruncatedSvd(Svd svd, LayerWeights layer) {
        this.svd = svd;
        this.layer = layer;
    }

    /** Decomposes the weight of a dense layer ({@code out x in}). */
    static TruncatedSvd of(LayerWeights layer) {
        int out = layer.outputs();
        int in = layer.inputs();
        float[] w = layer.weight();
        double[][] m = new double[out][in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                m[o][i] = w[o * in + i];
            }
        }
        return new TruncatedSvd(Svd.of(m), layer);
    }

    /** The singular values, descending; their count is the full rank. */
    double[] singularValues() {
        return svd.singularValues().clone();
    }

    /** Whether two layers of rank {@code rank} hold fewer weights than the original. */
    boolean reduces(int rank) {
        return (long) rank * (layer.inputs() + layer.outputs()) < (long) layer.inputs() * layer.outputs();
    }

    /** The two layers of rank {@code rank}: {@code in -> rank} (no bias), then {@code rank -> out}. */
    List<LayerWeights> factors(int rank) {
        int out = layer.outputs();
        int in = layer.inputs();
        float[] first = new float[rank * in];
        float[] second = new float[out * rank];
        for (int j = 0; j < rank; j++) {
            double root = Math.sqrt(svd.singularValues()[j]);
            for (int i = 0; i < in; i++) {
                first[j * in + i] = (float) (root * svd.v()[i][j]);
            }
            for (int o = 0; o < out; o++) {
                second[o * rank + j] = (float) (svd.u()[o][j] * root);
            }
        }
        return List.of(new LayerWeights(new int[] {rank, in}, first, null),
                new LayerWeights(new int[] {out, rank}, second, layer.bias()));
    }
}
