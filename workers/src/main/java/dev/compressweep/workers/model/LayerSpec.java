package dev.compressweep.workers.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.List;

/**
 * One layer of a network, described by value so that a network whose layers compression has reshaped
 * (pruned widths, factorised layers) can be rebuilt, measured and stored. Layers follow one another, except
 * inside a {@link Residual}, which holds two paths of layers and adds their results. Shapes are those of one
 * sample: {@code (channels, height, width)} for images, {@code (features)} after flattening.
 *
 * <p>Text form ({@link #encode()}, {@link LayerCodec#decode}): {@code conv filters=32 kernel=3 padding=1
 * bias=true} (with {@code stride=2} before {@code bias} when the stride is not 1), {@code dense units=10
 * bias=true}, {@code relu}, {@code maxpool size=2}, {@code flatten}, {@code batchnorm}, {@code
 * globalavgpool}, and {@code residual main=[conv ...; batchnorm] shortcut=[]} (paths separated by
 * {@code ;}, an empty shortcut being the identity). Immutable and thread-safe.
 */
public sealed interface LayerSpec permits LayerSpec.Weighted, LayerSpec.Relu, LayerSpec.MaxPool, LayerSpec.Flatten,
        LayerSpec.BatchNorm, LayerSpec.GlobalAvgPool, LayerSpec.Residual {

    /** A new, uninitialized DJL block computing this layer. */
    Block block();

    /**
     * The shape this layer produces from {@code input}.
     *
     * @throws IllegalArgumentException when {@code input} does not fit the layer
     */
    int[] outputShape(int[] input);

    /** The text form, parsed back by {@link LayerCodec#decode}. */
    String encode();

    /** A layer with a weight tensor (and optionally a bias over its outputs), i.e. a convolution or dense layer. */
    sealed interface Weighted extends LayerSpec permits Conv, Dense {

        /** Output channels or units: the weight's first dimension. */
        int outputs();

        /** Whether the layer adds a bias per output. */
        boolean bias();

        /** The same layer with another number of outputs. */
        Weighted withOutputs(int outputs);

        /** The weight tensor's shape for this input, first dimension = outputs, second = inputs. */
        int[] weightShape(int[] input);

        /** Multiply-accumulates of one forward pass of one sample. */
        long macs(int[] input);

        /** Scalar parameters (weights and bias). */
        default long parameters(int[] input) {
            return Arrays.stream(weightShape(input)).asLongStream().reduce(1, (a, b) -> a * b) + (bias() ? outputs() : 0);
        }
    }

    /** A square convolution with zero padding on each side, moving {@code stride} pixels at a time. */
    record Conv(int filters, int kernel, int padding, int stride, boolean bias) implements Weighted {

        public Conv {
            if (filters < 1 || kernel < 1 || padding < 0 || stride < 1) {
                throw new IllegalArgumentException("a convolution needs filters >= 1, kernel >= 1, padding >= 0 and "
                        + "stride >= 1, but got filters=" + filters + ", kernel=" + kernel + ", padding=" + padding
                        + ", stride=" + stride);
            }
        }

        /** A convolution of stride 1. */
        public Conv(int filters, int kernel, int padding, boolean bias) {
            this(filters, kernel, padding, 1, bias);
        }

        @Override
        public Block block() {
            return Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optPadding(new Shape(padding, padding))
                    .optStride(new Shape(stride, stride)).setFilters(filters).optBias(bias).build();
        }

        @Override
        public int[] outputShape(int[] input) {
            requireRank(this, input, 3);
            int h = input[1] + 2 * padding - kernel;
            int w = input[2] + 2 * padding - kernel;
            if (h < 0 || w < 0) {
                throw new IllegalArgumentException(encode() + " needs an input of at least " + (kernel - 2 * padding)
                        + " pixels a side, but got " + Arrays.toString(input));
            }
            return new int[] {filters, h / stride + 1, w / stride + 1};
        }

        @Override
        public int outputs() {
            return filters;
        }

        @Override
        public Weighted withOutputs(int outputs) {
            return new Conv(outputs, kernel, padding, stride, bias);
        }

        /** The same convolution with a bias, as batch normalisation folds into it. */
        public Conv withBias() {
            return new Conv(filters, kernel, padding, stride, true);
        }

        @Override
        public int[] weightShape(int[] input) {
            requireRank(this, input, 3);
            return new int[] {filters, input[0], kernel, kernel};
        }

        @Override
        public long macs(int[] input) {
            int[] out = outputShape(input);
            return (long) out[1] * out[2] * filters * input[0] * kernel * kernel;
        }

        @Override
        public String encode() {
            return "conv filters=" + filters + " kernel=" + kernel + " padding=" + padding
                    + (stride == 1 ? "" : " stride=" + stride) + " bias=" + bias;
        }
    }

    /** A fully connected layer on flat features. */
    record Dense(int units, boolean bias) implements Weighted {

        public Dense {
            if (units < 1) {
                throw new IllegalArgumentException("a dense layer needs units >= 1, but got " + units);
            }
        }

        @Override
        public Block block() {
            return Linear.builder().setUnits(units).optBias(bias).build();
        }

        @Override
        public int[] outputShape(int[] input) {
            requireRank(this, input, 1);
            return new int[] {units};
        }

        @Override
        public int outputs() {
            return units;
        }

        @Override
        public Weighted withOutputs(int outputs) {
            return new Dense(outputs, bias);
        }

        @Override
        public int[] weightShape(int[] input) {
            requireRank(this, input, 1);
            return new int[] {units, input[0]};
        }

        @Override
        public long macs(int[] input) {
            requireRank(this, input, 1);
            return (long) input[0] * units;
        }

        @Override
        public String encode() {
            return "dense units=" + units + " bias=" + bias;
        }
    }

    /** Element-wise {@code max(x, 0)}. */
    record Relu() implements LayerSpec {

        @Override
        public Block block() {
            return Activation.reluBlock();
        }

        @Override
        public int[] outputShape(int[] input) {
            return input.clone();
        }

        @Override
        public String encode() {
            return "relu";
        }
    }

    /** Non-overlapping {@code size x size} max pooling (stride = size, no padding). */
    record MaxPool(int size) implements LayerSpec {

        public MaxPool {
            if (size < 1) {
                throw new IllegalArgumentException("max pooling needs size >= 1, but got " + size);
            }
        }

        @Override
        public Block block() {
            return Pool.maxPool2dBlock(new Shape(size, size));
        }

        @Override
        public int[] outputShape(int[] input) {
            requireRank(this, input, 3);
            if (input[1] / size < 1 || input[2] / size < 1) {
                throw new IllegalArgumentException(encode() + " needs an input of at least " + size
                        + " pixels a side, but got " + Arrays.toString(input));
            }
            return new int[] {input[0], input[1] / size, input[2] / size};
        }

        @Override
        public String encode() {
            return "maxpool size=" + size;
        }
    }

    /** Flattens an image to its features, channel-major ({@code c * h * w + y * w + x}). */
    record Flatten() implements LayerSpec {

        @Override
        public Block block() {
            return Blocks.batchFlattenBlock();
        }

        @Override
        public int[] outputShape(int[] input) {
            return new int[] {Arrays.stream(input).reduce(1, Math::multiplyExact)};
        }

        @Override
        public String encode() {
            return "flatten";
        }
    }

    /**
     * Batch normalisation of each channel of an image: {@code gamma * (x - mean) / sqrt(var + }{@value
     * #EPSILON}{@code ) + beta}, with the batch's mean and variance in training (which also move the running
     * ones, by a tenth of the difference per batch) and the running ones in inference. Its learned
     * {@code gamma} and {@code beta} and its running statistics are parameters of the DJL block, in that
     * order.
     */
    record BatchNorm() implements LayerSpec {

        /** Added to the variance before its square root. */
        public static final float EPSILON = 1e-5f;

        @Override
        public Block block() {
            return ai.djl.nn.norm.BatchNorm.builder().optEpsilon(EPSILON).build();
        }

        @Override
        public int[] outputShape(int[] input) {
            requireRank(this, input, 3);
            return input.clone();
        }

        @Override
        public String encode() {
            return "batchnorm";
        }
    }

    /** The mean of each channel of an image over all its pixels: {@code (C, H, W)} to {@code (C)}. */
    record GlobalAvgPool() implements LayerSpec {

        @Override
        public Block block() {
            return Pool.globalAvgPool2dBlock();
        }

        @Override
        public int[] outputShape(int[] input) {
            requireRank(this, input, 3);
            return new int[] {input[0]};
        }

        @Override
        public String encode() {
            return "globalavgpool";
        }
    }

    /**
     * The sum of two paths over the same input: {@code main(x) + shortcut(x)}, the shortcut being the
     * identity when it has no layers. Both paths must give the same shape.
     *
     * @param main the layers of the main path, at least one
     * @param shortcut the layers of the shortcut, none for the identity
     */
    record Residual(List<LayerSpec> main, List<LayerSpec> shortcut) implements LayerSpec {

        public Residual {
            main = List.copyOf(main);
            shortcut = List.copyOf(shortcut);
            if (main.isEmpty()) {
                throw new IllegalArgumentException(
                        "a residual needs at least one layer on its main path, but got none");
            }
        }

        @Override
        public Block block() {
            return new ResidualBlock(Topology.sequential(main),
                    shortcut.isEmpty() ? null : Topology.sequential(shortcut));
        }

        @Override
        public int[] outputShape(int[] input) {
            int[] out = through(main, input);
            int[] skip = through(shortcut, input);
            if (!Arrays.equals(out, skip)) {
                throw new IllegalArgumentException("a residual's paths must give the same shape, but on "
                        + Arrays.toString(input) + " its main path gives " + Arrays.toString(out)
                        + " and its shortcut " + Arrays.toString(skip) + " in '" + encode() + "'");
            }
            return out;
        }

        @Override
        public String encode() {
            return "residual main=[" + String.join("; ", main.stream().map(LayerSpec::encode).toList())
                    + "] shortcut=[" + String.join("; ", shortcut.stream().map(LayerSpec::encode).toList()) + "]";
        }

        private static int[] through(List<LayerSpec> layers, int[] input) {
            int[] shape = input.clone();
            for (LayerSpec layer : layers) {
                shape = layer.outputShape(shape);
            }
            return shape;
        }
    }

    private static void requireRank(LayerSpec layer, int[] input, int rank) {
        if (input.length != rank) {
            throw new IllegalArgumentException(layer.encode() + " takes inputs of " + rank + " dimensions, but got "
                    + Arrays.toString(input));
        }
    }
}
