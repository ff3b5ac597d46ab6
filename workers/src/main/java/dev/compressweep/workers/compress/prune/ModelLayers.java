package dev.compressweep.workers.compress.prune;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.LayerWeights;
import dev.compressweep.workers.model.NormWeights;
import dev.compressweep.workers.model.Topology;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Moves between a {@link CompressedModel}'s parameter tensors and one {@link LayerWeights} per weighted
 * layer and one {@link NormWeights} per batch normalisation of its topology, for steps that reshape layers
 * (structured pruning, low-rank decomposition). Both lists follow {@link Topology#parameterized()}'s order.
 * Stateless and thread-safe.
 */
public final class ModelLayers {

    private ModelLayers() {}

    /** The weights of each weighted layer of {@code model}, in the topology's order. */
    public static List<LayerWeights> of(CompressedModel model) {
        List<LayerWeights> out = new ArrayList<>();
        split(model, out, new ArrayList<>());
        return out;
    }

    /** The values of each batch normalisation of {@code model}, in the topology's order. */
    public static List<NormWeights> norms(CompressedModel model) {
        List<NormWeights> out = new ArrayList<>();
        split(model, new ArrayList<>(), out);
        return out;
    }

    /**
     * A new float network (nothing quantized) of {@code topology}, which has no batch normalisation, holding
     * {@code layers}; see {@link #rebuild(CompressedModel, Topology, List, List)}.
     */
    public static CompressedModel rebuild(CompressedModel like, Topology topology, List<LayerWeights> layers) {
        return rebuild(like, topology, layers, List.of());
    }

    /**
     * A new float network (nothing quantized) of {@code topology} holding {@code layers} and {@code norms},
     * with the architecture, classes and input shape of {@code like}; the caller owns it.
     *
     * @throws IllegalArgumentException when the layers or norms do not match the topology
     */
    public static CompressedModel rebuild(CompressedModel like, Topology topology, List<LayerWeights> layers,
            List<NormWeights> norms) {
        List<LayerSpec> parameterized = topology.parameterized();
        long weighted = parameterized.stream().filter(LayerSpec.Weighted.class::isInstance).count();
        if (weighted != layers.size() || parameterized.size() - weighted != norms.size()) {
            throw new IllegalArgumentException("a topology of " + weighted + " weighted layers and "
                    + (parameterized.size() - weighted) + " batch normalisations needs as many layer weights and "
                    + "norms, but got " + layers.size() + " and " + norms.size());
        }
        Iterator<String> names = topology.parameterNames().iterator();
        Iterator<LayerWeights> nextLayer = layers.iterator();
        Iterator<NormWeights> nextNorm = norms.iterator();
        List<NamedTensor> tensors = new ArrayList<>();
        for (LayerSpec layer : parameterized) {
            if (layer instanceof LayerSpec.Weighted) {
                LayerWeights w = nextLayer.next();
                tensors.add(new NamedTensor(names.next(), w.shape(), true, w.weight()));
                if (w.bias() != null) {
                    tensors.add(new NamedTensor(names.next(), new int[] {w.outputs()}, false, w.bias()));
                }
            } else {
                NormWeights n = nextNorm.next();
                for (float[] values : List.of(n.gamma(), n.beta(), n.mean(), n.variance())) {
                    tensors.add(new NamedTensor(names.next(), new int[] {n.channels()}, false, values));
                }
            }
        }
        return CompressedModel.fromTensors(like.architecture(), topology, like.classes(), like.inputShape(), tensors,
                Map.of());
    }

    /** Sorts {@code model}'s tensors into the weights of its weighted layers and the values of its norms. */
    private static void split(CompressedModel model, List<LayerWeights> layers, List<NormWeights> norms) {
        Iterator<NamedTensor> tensors = model.tensors().iterator();
        for (LayerSpec layer : model.topology().parameterized()) {
            if (layer instanceof LayerSpec.Weighted w) {
                NamedTensor weight = tensors.next();
                float[] bias = w.bias() ? tensors.next().values() : null;
                layers.add(new LayerWeights(weight.shape(), weight.values(), bias));
            } else {
                norms.add(new NormWeights(tensors.next().values(), tensors.next().values(), tensors.next().values(),
                        tensors.next().values()));
            }
        }
    }
}
