package dev.compressweep.workers.model;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import dev.compressweep.workers.data.ImageShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact layers of a sequential network, in order: what an {@link Architecture} expands to, or what
 * compression made of it (per-layer widths after structured pruning, factorised layers after low-rank
 * decomposition). Building it gives DJL parameter names {@code NNType_weight}/{@code _bias} numbered by
 * position, as {@link SequentialBlock} names them. Immutable and thread-safe.
 *
 * @param layers the layers, at least one
 */
public record Topology(List<LayerSpec> layers) {

    public Topology {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a topology needs at least one layer, but got none");
        }
    }

    /**
     * The layers of a model-zoo network ending in {@code classes} logits (see {@link Architecture}).
     *
     * @throws IllegalArgumentException when {@code classes < 2}
     */
    public static Topology of(Architecture architecture, int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs >= 2 classes, but got " + classes);
        }
        int width = architecture.width();
        List<LayerSpec> layers = new ArrayList<>();
        if (architecture.kind() == Architecture.Kind.CNN) {
            for (int i = 0; i < architecture.depth(); i++) {
                layers.add(new LayerSpec.Conv(width << i, 3, 1, true));
                layers.add(new LayerSpec.Relu());
                layers.add(new LayerSpec.MaxPool(2));
            }
            layers.add(new LayerSpec.Flatten());
            layers.add(new LayerSpec.Dense(4 * width, true));
            layers.add(new LayerSpec.Relu());
        } else {
            layers.add(new LayerSpec.Flatten());
            for (int i = 0; i < architecture.depth(); i++) {
                layers.add(new LayerSpec.Dense(width, true));
                layers.add(new LayerSpec.Relu());
            }
        }
        layers.add(new LayerSpec.Dense(classes, true));
        return new Topology(layers);
    }

    /** Parses the text form of each layer (see {@link LayerSpec}). */
    public static Topology decode(List<String> layers) {
        return new Topology(layers.stream().map(LayerCodec::decode).toList());
    }

    /** The text form of each layer, in order. */
    public List<String> encode() {
        return layers.stream().map(LayerSpec::encode).toList();
    }

    /** A new, uninitialized DJL block of these layers. */
    public Block build() {
        SequentialBlock net = new SequentialBlock();
        layers.forEach(layer -> net.add(layer.block()));
        return net;
    }

    /** The names DJL gives the parameters of {@link #build()}, in order (weight, then bias, per weighted layer). */
    public List<String> parameterNames() {
        return build().getParameters().keys();
    }

    /**
     * The shape entering each layer followed by the network's output shape ({@code layers().size() + 1}
     * shapes), for one sample of {@code input}.
     *
     * @throws IllegalArgumentException when a layer does not fit the shape it receives
     */
    public List<int[]> shapes(ImageShape input) {
        List<int[]> out = new ArrayList<>();
        int[] shape = {input.channels(), input.height(), input.width()};
        out.add(shape);
        for (LayerSpec layer : layers) {
            shape = layer.outputShape(shape);
            out.add(shape);
        }
        return out;
    }

    /**
     * Checks that the network takes {@code input} to {@code classes} logits.
     *
     * @throws IllegalArgumentException when a layer does not fit or the output is not {@code (classes)}
     */
    public void check(ImageShape input, int classes) {
        List<int[]> shapes = shapes(input);
        int[] out = shapes.get(shapes.size() - 1);
        if (out.length != 1 || out[0] != classes) {
            throw new IllegalArgumentException("a classifier of " + classes + " classes must end in (" + classes
                    + ") logits, but " + this + " ends in " + Arrays.toString(out));
        }
    }

    /** The weighted layers (convolutions and dense layers), in order. */
    public List<LayerSpec.Weighted> weighted() {
        return layers.stream().filter(LayerSpec.Weighted.class::isInstance).map(LayerSpec.Weighted.class::cast).toList();
    }

    @Override
    public String toString() {
        return String.join(" | ", encode());
    }
}
