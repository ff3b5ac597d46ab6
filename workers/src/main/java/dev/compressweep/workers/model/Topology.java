package dev.compressweep.workers.model;

import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import dev.compressweep.workers.data.ImageShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact layers of a network, in order: what an {@link Architecture} expands to, or what compression made
 * of it (per-layer widths after structured pruning, factorised layers after low-rank decomposition). Layers
 * follow one another; a {@link LayerSpec.Residual} holds two paths of its own. Building it gives DJL
 * parameter names {@code NNType_weight}/{@code _bias} numbered by position, as {@link SequentialBlock} names
 * them, prefixed by the residual's and its path's names inside a residual. Immutable and thread-safe.
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
        if (architecture.kind() == Architecture.Kind.RESNET) {
            resnet(width, architecture.depth(), layers);
        } else if (architecture.kind() == Architecture.Kind.CNN) {
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

    /** Appends a residual network's layers up to its features: stem, basic blocks, global average pooling. */
    private static void resnet(int width, int depth, List<LayerSpec> layers) {
        layers.add(new LayerSpec.Conv(width, 3, 1, false));
        layers.add(new LayerSpec.BatchNorm());
        layers.add(new LayerSpec.Relu());
        int channels = width;
        for (int i = 0; i < depth; i++) {
            int out = width << Math.min(i, Architecture.RESNET_DOUBLINGS);
            int stride = i == 0 ? 1 : 2;
            List<LayerSpec> main = List.of(new LayerSpec.Conv(out, 3, 1, stride, false), new LayerSpec.BatchNorm(),
                    new LayerSpec.Relu(), new LayerSpec.Conv(out, 3, 1, false), new LayerSpec.BatchNorm());
            List<LayerSpec> shortcut = out == channels && stride == 1 ? List.of()
                    : List.of(new LayerSpec.Conv(out, 1, 0, stride, false), new LayerSpec.BatchNorm());
            layers.add(new LayerSpec.Residual(main, shortcut));
            layers.add(new LayerSpec.Relu());
            channels = out;
        }
        layers.add(new LayerSpec.GlobalAvgPool());
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
        return sequential(layers);
    }

    /** A new, uninitialized DJL block running {@code layers} one after another. */
    static SequentialBlock sequential(List<LayerSpec> layers) {
        SequentialBlock net = new SequentialBlock();
        layers.forEach(layer -> net.add(layer.block()));
        return net;
    }

    /**
     * The names DJL gives the parameters of {@link #build()}, in the order of {@link #parameterized()}: weight
     * then bias per weighted layer; gamma, beta, running mean and running variance per batch normalisation.
     */
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

    /**
     * The layers that own parameters (weighted layers and batch normalisations), in the order DJL holds their
     * parameters: depth-first, a residual's main path before its shortcut.
     */
    public List<LayerSpec> parameterized() {
        List<LayerSpec> out = new ArrayList<>();
        collect(layers, out);
        return out;
    }

    /** The weighted layers (convolutions and dense layers), in the order of {@link #parameterized()}. */
    public List<LayerSpec.Weighted> weighted() {
        return parameterized().stream().filter(LayerSpec.Weighted.class::isInstance)
                .map(LayerSpec.Weighted.class::cast).toList();
    }

    private static void collect(List<LayerSpec> layers, List<LayerSpec> out) {
        for (LayerSpec layer : layers) {
            if (layer instanceof LayerSpec.Residual residual) {
                collect(residual.main(), out);
                collect(residual.shortcut(), out);
            } else if (layer instanceof LayerSpec.Weighted || layer instanceof LayerSpec.BatchNorm) {
                out.add(layer);
            }
        }
    }

    @Override
    public String toString() {
        return String.join(" | ", encode());
    }
}
