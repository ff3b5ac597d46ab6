package dev.compressweep.workers.compress.lowrank;

import dev.compressweep.workers.model.LayerWeights;
import java.util.List;

/**
 * Factorises a convolution {@code W (C_out x C_in x K x K)} by Tucker-2 decomposition along its two channel
 * modes, computed by HOSVD: {@code U_out} holds the leading left singular vectors of the mode-0 unfolding
 * ({@code C_out x C_in*K*K}), {@code U_in} those of the mode-1 unfolding ({@code C_in x C_out*K*K}), and
 * the core is {@code G = W x_0 U_out^T x_1 U_in^T} ({@code R_out x R_in x K x K}), so that
 * {@code W ~ G x_0 U_out x_1 U_in}. As layers: a 1x1 convolution {@code C_in -> R_in} (weight
 * {@code U_in^T}, no bias), the {@code KxK} core convolution {@code R_in -> R_out} (original padding, no
 * bias), and a 1x1 convolution {@code R_out -> C_out} (weight {@code U_out}, original bias). At full ranks
 * the product equals {@code W} up to rounding. Immutable.
 */
final class Tucker2 {

    private final LayerWeights layer;
    private final int area;
    private final Svd outputMode;
    private final Svd inputMode;

    private Tucker2(LayerWeights layer, int area, Svd outputMode, Svd inputMode) {
        this.layer = layer;
        this.area = area;
        this.outputMode = outputMode;
        this.inputMode = inputMode;
    }

    /** Decomposes the weight of a convolution ({@code C_out x C_in x K x K}). */
    static Tucker2 of(LayerWeights layer) {
        int[] shape = layer.shape();
        int outs = shape[0];
        int ins = shape[1];
        int area = shape[2] * shape[3];
        float[] w = layer.weight();
        double[][] mode0 = new double[outs][ins * area];
        double[][] mode1 = new double[ins][outs * area];
        for (int o = 0; o < outs; o++) {
            for (int i = 0; i < ins; i++) {
                for (int s = 0; s < area; s++) {
                    double v = w[(o * ins + i) * area + s];
                    mode0[o][i * area + s] = v;
                    mode1[i][o * area + s] = v;
                }
            }
        }
        return new Tucker2(layer, area, Svd.of(mode0), Svd.of(mode1));
    }

    /** Singular values of the output-channel mode, descending; their count is its full rank. */
    double[] outputSingularValues() {
        return outputMode.singularValues().clone();
    }

    /** Singular values of the input-channel mode, descending; their count is its full rank. */
    double[] inputSingularValues() {
        return inputMode.singularValues().clone();
    }

    /** Whether the three convolutions of these ranks hold fewer weights than the original. */
    boolean reduces(int outRank, int inRank) {
        long outs = layer.outputs();
        long ins = layer.inputs();
        return ins * inRank + (long) inRank * outRank * area + outRank * outs < outs * ins * area;
    }

    /** The three convolutions' weights: 1x1 {@code C_in -> inRank}, core {@code inRank -> outRank}, 1x1 to {@code C_out}. */
    List<LayerWeights> factors(int outRank, int inRank) {
        int[] shape = layer.shape();
        int outs = shape[0];
        int ins = shape[1];
        float[] w = layer.weight();
        double[][] uOut = outputMode.u();
        double[][] uIn = inputMode.u();
        double[] partial = new double[outRank * ins * area];
        for (int r = 0; r < outRank; r++) {
            for (int o = 0; o < outs; o++) {
                double u = uOut[o][r];
                for (int j = 0; j < ins * area; j++) {
                    partial[r * ins * area + j] += u * w[o * ins * area + j];
                }
            }
        }
        double[] core = new double[outRank * inRank * area];
        for (int r = 0; r < outRank; r++) {
            for (int q = 0; q < inRank; q++) {
                for (int i = 0; i < ins; i++) {
                    double u = uIn[i][q];
                    for (int s = 0; s < area; s++) {
                        core[(r * inRank + q) * area + s] += u * partial[(r * ins + i) * area + s];
                    }
                }
            }
        }
        float[] first = new float[inRank * ins];
        for (int q = 0; q < inRank; q++) {
            for (int i = 0; i < ins; i++) {
                first[q * ins + i] = (float) uIn[i][q];
            }
        }
        float[] last = new float[outs * outRank];
        for (int o = 0; o < outs; o++) {
            for (int r = 0; r < outRank; r++) {
                last[o * outRank + r] = (float) uOut[o][r];
            }
        }
        return List.of(new LayerWeights(new int[] {inRank, ins, 1, 1}, first, null),
                new LayerWeights(new int[] {outRank, inRank, shape[2], shape[3]}, toFloats(core), null),
                new LayerWeights(new int[] {outs, outRank, 1, 1}, last, layer.bias()));
    }

    private static float[] toFloats(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }
}
