package dev.compressweep.workers.compress.prune;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.LayerWeights;
import dev.compressweep.workers.model.Topology;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Structured pruning: removes whole output channels of convolutions and neurons of dense layers (of every
 * weighted layer but the last, whose outputs are the classes), those of smallest L1 norm, and rebuilds the
 * network with smaller dense layers. The next weighted layer loses the matching inputs; across a flatten,
 * the matching block of {@code height * width} columns per channel. Each layer keeps
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
        Topology topology = model.topology();
        List<int[]> shapes = topology.shapes(model.inputShape());
        List<LayerWeights> weights = ModelLayers.of(model);
        if (startWidths.length != weights.size()) {
            throw new IllegalArgumentException("structured pruning needs one start width per weighted layer ("
                    + weights.size() + "), but got " + Arrays.toString(startWidths));
        }
        List<LayerSpec> layers = new ArrayList<>();
        List<LayerWeights> kept = new ArrayList<>();
        int[] selection = null;
        for (int i = 0; i < topology.layers().size(); i++) {
            LayerSpec layer = topology.layers().get(i);
            if (layer instanceof LayerSpec.Flatten && selection != null) {
                int[] in = shapes.get(i);
                selection = ChannelSlices.features(selection, Arrays.stream(in, 1, in.length).reduce(1, Math::multiplyExact));
                layers.add(layer);
            } else if (layer instanceof LayerSpec.Weighted spec) {
                int w = kept.size();
                LayerWeights lw = selection == null ? weights.get(w) : ChannelSlices.inputs(weights.get(w), selection);
                if (w < weights.size() - 1) {
                    int target = (int) Math.round((1 - sparsity) * startWidths[w]);
                    selection = ChannelSlices.strongest(lw, Math.min(lw.outputs(), Math.max(1, target)));
                    lw = ChannelSlices.outputs(lw, selection);
                    layers.add(spec.withOutputs(selection.length));
                } else {
                    selection = null;
                    layers.add(spec);
                }
                kept.add(lw);
            } else {
                layers.add(layer);
            }
        }
        return ModelLayers.rebuild(model, new Topology(layers), kept);
    }
}
