package dev.compressweep.workers.model;

import java.util.Arrays;

/**
 * The parameters of one batch normalisation ({@link LayerSpec.BatchNorm}) over {@code C} channels, copied out
 * of native memory: in inference it computes {@code scale * x + shift} per channel, with {@code scale = gamma
 * / sqrt(variance + EPSILON)} and {@code shift = beta - mean * scale}. Immutable: arrays are copied in and out.
 *
 * @param gamma the learned scale of each channel
 * @param beta the learned shift of each channel
 * @param mean the running mean of each channel
 * @param variance the running variance of each channel, each >= 0
 */
public record NormWeights(float[] gamma, float[] beta, float[] mean, float[] variance) {

    public NormWeights {
        gamma = gamma.clone();
        beta = beta.clone();
        mean = mean.clone();
        variance = variance.clone();
        if (gamma.length < 1 || beta.length != gamma.length || mean.length != gamma.length
                || variance.length != gamma.length) {
            throw new IllegalArgumentException("a batch normalisation needs gamma, beta, mean and variance of one "
                    + "length >= 1, but got " + gamma.length + ", " + beta.length + ", " + mean.length + " and "
                    + variance.length + " values");
        }
        for (float v : variance) {
            if (!(v >= 0)) {
                throw new IllegalArgumentException("a running variance must be >= 0, but got " + v);
            }
        }
    }

    /** The number of channels. */
    public int channels() {
        return gamma.length;
    }

    /** The factor each channel is multiplied by in inference. */
    public double[] scale() {
        double[] out = new double[gamma.length];
        Arrays.setAll(out, c -> gamma[c] / Math.sqrt(variance[c] + (double) LayerSpec.BatchNorm.EPSILON));
        return out;
    }

    /**
     * {@code layer} followed by this normalisation, as one layer with a bias: each output's weights times its
     * {@link #scale()}, and bias {@code (bias - mean) * scale + beta}.
     *
     * @throws IllegalArgumentException when the layer's outputs are not this normalisation's channels
     */
    public LayerWeights fold(LayerWeights layer) {
        if (layer.outputs() != channels()) {
            throw new IllegalArgumentException("a batch normalisation of " + channels() + " channels folds only into "
                    + "a layer of as many outputs, but got " + layer.outputs());
        }
        double[] scale = scale();
        float[] w = layer.weight();
        int row = w.length / channels();
        float[] bias = layer.bias();
        float[] folded = new float[channels()];
        for (int c = 0; c < channels(); c++) {
            for (int j = c * row; j < (c + 1) * row; j++) {
                w[j] = (float) (w[j] * scale[c]);
            }
            folded[c] = (float) (((bias == null ? 0 : bias[c]) - (double) mean[c]) * scale[c] + beta[c]);
        }
        return new LayerWeights(layer.shape(), w, folded);
    }

    /** The normalisation of the channels at {@code keep} only, in that order. */
    public NormWeights select(int[] keep) {
        float[][] out = new float[4][keep.length];
        for (int k = 0; k < keep.length; k++) {
            out[0][k] = gamma[keep[k]];
            out[1][k] = beta[keep[k]];
            out[2][k] = mean[keep[k]];
            out[3][k] = variance[keep[k]];
        }
        return new NormWeights(out[0], out[1], out[2], out[3]);
    }

    @Override
    public float[] gamma() {
        return gamma.clone();
    }

    @Override
    public float[] beta() {
        return beta.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    @Override
    public float[] variance() {
        return variance.clone();
    }
}
