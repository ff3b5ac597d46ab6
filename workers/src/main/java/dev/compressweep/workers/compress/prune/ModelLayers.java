package dev.compressweep.workers.compress.prune;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.LayerWeights;
import dev.compressweep.workers.model.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves between a {@link CompressedModel}'s parameter tensors and one {@link LayerWeights} per weighted
 * layer of its topology, for steps that reshape layers (structured pruning, low-rank decomposition).
 * Stateless and thread-safe.
 */
public final class ModelLayers {

    private ModelLayers() {}

    /** The weights of each weighted layer of {@code model}, in the topology's order. */
    public static List<LayerWeights> of(CompressedModel model) {
        List<NamedTensor> tensors = model.tensors();
        List<LayerWeights> out = new ArrayList<>();
        int t = 0;
        for (LayerSpec.Weighted layer : model.topology().weighted()) {
            NamedTensor weight = tensors.get(t++);
            float[] bias = layer.bias() ? tensors.get(t++).values() : null;
            out.add(new LayerWeights(weight.shape(), weight.values(), bias));
        }
        return out;
    }

    /**
     * A new float network (nothing quantized) of {@code topology} holding {@code layers}, with the
     * architecture, classes and input shape of {@code like}; the caller owns it.
     *
     * @throws IllegalArgumentException when the layers do not match the topology
     */
    public static CompressedModel rebuild(CompressedModel like, Topology topology, List<LayerWeights> layers) {
        List<LayerSpec.Weighted> weighted = topology.weighted();
        if (weighted.size() != layers.size()) {
            throw new IllegalArgumentException("a topology of " + weighted.size() + " weighted layers needs as many "
                    + "layer weights, but got " + layers.size());
        }
        List<String> names = topology.parameterNames();
        List<NamedTensor> tensors = new ArrayList<>();
        int n = 0;
        for (LayerWeights w : layers) {
            tensors.add(new NamedTensor(names.get(n++), w.shape(), true, w.weight()));
            if (w.bias() != null) {
                tensors.add(new NamedTensor(names.get(n++), new int[] {w.outputs()}, false, w.bias()));
            }
        }
        return CompressedModel.fromTensors(like.architecture(), topology, like.classes(), like.inputShape(), tensors,
                Map.of());
    }
}
