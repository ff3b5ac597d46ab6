package dev.compressweep.workers.onnx;

import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.data.ImageShape;
import dev.compressweep.workers.model.Architecture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One weighted layer of a network as {@link Architecture#build} makes it: a 3x3 convolution (padding 1)
 * or a dense layer, each with its bias. Immutable.
 *
 * @param kind convolution or dense
 * @param weight {@code [out, in, 3, 3]} or {@code [out, in]}, as DJL stores it
 * @param bias {@code [out]}
 */
record Layer(Kind kind, NamedTensor weight, NamedTensor bias) {

    /** The layer types the exporter writes. */
    enum Kind {
        CONV,
        DENSE
    }

    Layer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(bias, "bias");
    }

    /** Output channels or units. */
    int outputs() {
        return weight.shape()[0];
    }

    /** Input channels or features. */
    int inputs() {
        return weight.shape()[1];
    }

    /**
     * The layers of a network, in order, from its parameter tensors (weight, then bias, per layer).
     *
     * @throws IllegalArgumentException when the tensors are not those of {@code architecture} built for
     *     {@code classes} classes and images of {@code shape} (e.g. a network whose layers a later step
     *     replaced)
     */
    static List<Layer> of(Architecture architecture, int classes, ImageShape shape, List<NamedTensor> tensors) {
        boolean cnn = architecture.kind() == Architecture.Kind.CNN;
        int convs = cnn ? architecture.depth() : 0;
        int denses = cnn ? 2 : architecture.depth() + 1;
        if (tensors.size() != 2 * (convs + denses)) {
            throw mismatch(architecture, "has " + 2 * (convs + denses) + " parameter tensors, but got " + tensors.size());
        }
        if (Math.min(shape.height(), shape.width()) >> convs < 1) {
            throw mismatch(architecture, "does not fit images of " + shape);
        }
        List<Layer> layers = new ArrayList<>();
        int channels = shape.channels();
        for (int i = 0; i < convs; i++) {
            layers.add(new Layer(Kind.CONV, tensors.get(2 * i), tensors.get(2 * i + 1))
                    .checked(architecture, new int[] {architecture.width() << i, channels, 3, 3}));
            channels = architecture.width() << i;
        }
        int features = cnn ? channels * (shape.height() >> convs) * (shape.width() >> convs) : shape.pixels();
        for (int j = 0; j < denses; j++) {
            int units = j == denses - 1 ? classes : cnn ? 4 * architecture.width() : architecture.width();
            int k = 2 * (convs + j);
            layers.add(new Layer(Kind.DENSE, tensors.get(k), tensors.get(k + 1))
                    .checked(architecture, new int[] {units, features}));
            features = units;
        }
        return List.copyOf(layers);
    }

    private Layer checked(Architecture architecture, int[] expected) {
        if (!weight.weight() || bias.weight() || !Arrays.equals(weight.shape(), expected)
                || !Arrays.equals(bias.shape(), new int[] {expected[0]})) {
            throw mismatch(architecture, "needs a weight of shape " + Arrays.toString(expected) + " and a bias of ["
                    + expected[0] + "], but got " + weight.name() + Arrays.toString(weight.shape()) + " and "
                    + bias.name() + Arrays.toString(bias.shape()));
        }
        return this;
    }

    private static IllegalArgumentException mismatch(Architecture architecture, String detail) {
        return new IllegalArgumentException("ONNX export writes networks as " + architecture + " builds them: it "
                + detail);
    }
}
