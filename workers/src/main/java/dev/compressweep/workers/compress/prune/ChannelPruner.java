package dev.compressweep.workers.compress.prune;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.LayerWeights;
import dev.compressweep.workers.model.NormWeights;
import dev.compressweep.workers.model.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Structured pruning: removes whole output channels of convolutions and neurons of dense layers, those of
 * smallest L1 norm, and rebuilds the network with smaller layers. A layer is pruned when its outputs reach
 * another weighted layer of the same path through nothing but batch normalisation, ReLU, pooling and
 * flattening: so never the last layer (whose outputs are the classes), and never a layer whose outputs meet
 * others in a residual sum (a resnet's stem, the last convolution of each block's main path, its shortcut),
 * since a channel could only leave that sum by leaving every layer that adds into it; in a resnet the hidden
 * channels inside each block's main path are pruned. The next weighted layer loses the matching inputs;
 * across a flatten, the matching block of {@code height * width} columns per channel; a batch normalisation
 * in between loses the matching channels. A convolution followed by batch normalisation is ranked by its
 * weights as the normalisation scales them ({@link NormWeights#fold}). Each pruned layer keeps
 * {@code max(1, round((1 - sparsity) * width))} outputs of the width it had when the step began, so that
 * iterative rounds shrink toward the same targets. Stateless.
 */
final class ChannelPruner {

    private ChannelPruner() {}

    /** The outputs of each weighted layer of {@code topology}, in order. */
    static int[] widths(Topology topology) {
        return topology.weighted().stream().mapToInt(LayerSpec.Weighted::outputs).toArray();
    }

    /**
     * A new, smaller float network; {@code model} is left open and unchanged.
     *
     * @param startWidths the outputs of each weighted layer when the step began ({@link #widths})
     */
    static CompressedModel prune(CompressedModel model, int[] startWidths, double sparsity) {
        List<LayerWeights> weights = ModelLayers.of(model);
        if (startWidths.length != weights.size()) {
            throw new IllegalArgumentException("structured pruning needs one start width per weighted layer ("
                    + weights.size() + "), but got " + Arrays.toString(startWidths));
        }
        Walk walk = new Walk(weights, ModelLayers.norms(model), startWidths, sparsity);
        int[] image = {model.inputShape().channels(), model.inputShape().height(), model.inputShape().width()};
        Topology pruned = new Topology(walk.path(model.topology().layers(), image));
        return ModelLayers.rebuild(model, pruned, walk.keptLayers, walk.keptNorms);
    }

    /** One pass over the layers, taking their weights and norms in order. */
    private static final class Walk {
        private final List<LayerWeights> layers;
        private final List<NormWeights> norms;
        private final int[] startWidths;
        private final double sparsity;
        private final List<LayerWeights> keptLayers = new ArrayList<>();
        private final List<NormWeights> keptNorms = new ArrayList<>();

        Walk(List<LayerWeights> layers, List<NormWeights> norms, int[] startWidths, double sparsity) {
            this.layers = layers;
            this.norms = norms;
            this.startWidths = startWidths;
            this.sparsity = sparsity;
        }

        /** The pruned layers of one path, which receives unpruned inputs of shape {@code input}. */
        List<LayerSpec> path(List<LayerSpec> path, int[] input) {
            List<LayerSpec> out = new ArrayList<>();
            int[] shape = input;
            int[] selection = null;
            for (int i = 0; i < path.size(); i++) {
                LayerSpec layer = path.get(i);
                if (layer instanceof LayerSpec.Weighted spec) {
                    int w = keptLayers.size();
                    LayerWeights lw = layers.get(w);
                    lw = selection == null ? lw : ChannelSlices.inputs(lw, selection);
                    selection = null;
                    if (feedsWeighted(path, i)) {
                        int target = (int) Math.round((1 - sparsity) * startWidths[w]);
                        LayerWeights ranked = path.get(i + 1) instanceof LayerSpec.BatchNorm
                                ? norms.get(keptNorms.size()).fold(lw) : lw;
                        selection = ChannelSlices.strongest(ranked, Math.min(lw.outputs(), Math.max(1, target)));
                        lw = ChannelSlices.outputs(lw, selection);
                        spec = spec.withOutputs(selection.length);
                    }
                    keptLayers.add(lw);
                    out.add(spec);
                } else if (layer instanceof LayerSpec.BatchNorm) {
                    NormWeights n = norms.get(keptNorms.size());
                    keptNorms.add(selection == null ? n : n.select(selection));
                    out.add(layer);
                } else if (layer instanceof LayerSpec.Residual r) {
                    out.add(new LayerSpec.Residual(path(r.main(), shape), path(r.shortcut(), shape)));
                } else {
                    if (layer instanceof LayerSpec.Flatten && selection != null) {
                        selection = ChannelSlices.features(selection,
                                Arrays.stream(shape, 1, shape.length).reduce(1, Math::multiplyExact));
                    }
                    out.add(layer);
                }
                shape = layer.outputShape(shape);
            }
            return out;
        }

        /** Whether layer {@code i}'s outputs reach a weighted layer of the same path, each channel on its own. */
        private static boolean feedsWeighted(List<LayerSpec> path, int i) {
            for (LayerSpec next : path.subList(i + 1, path.size())) {
                if (next instanceof LayerSpec.Weighted) {
                    return true;
                }
                if (next instanceof LayerSpec.Residual) {
                    return false;
                }
            }
            return false;
        }
    }
}
