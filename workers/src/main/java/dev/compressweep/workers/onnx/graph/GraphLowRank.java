package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Low-rank factorisation of a model graph's matrix products: each Gemm or MatMul whose constant weight is
 * {@code W [K, N]} (a Gemm's {@code [N, K]} with {@code transB=1}) becomes {@code MatMul(x, A)} with
 * {@code A [K, r]} followed by the original node with {@code B [r, N]} (kept transposed for {@code transB=1},
 * so bias, alpha and beta still apply), where {@code A B} is the truncated SVD of {@code W} at rank
 * {@link GraphLowRankSettings#rank}. A layer is factorised only where {@code r (K + N) < K N}, i.e. where it
 * shrinks. Left whole, as the result's notes say: Conv layers; a Gemm with {@code transA=1}; layers that would
 * not shrink; and the classifier (the last weighted layer in node order), as the project's own
 * {@code lowrank} step does: it holds few weights and its rank bounds how many classes stay apart. No
 * fine-tuning: the graph cannot be trained here. Immutable and thread-safe.
 */
public final class GraphLowRank implements GraphStep {

    /** The step's name in a chain. */
    public static final String NAME = "lowrank";

    private final GraphLowRankSettings settings;

    /** Factorisation with {@code settings}. */
    public GraphLowRank(GraphLowRankSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> applicability(ModelProto model) {
        List<WeightedLayer> layers = WeightedLayer.find(model.getGraph());
        return layers.stream().limit(Math.max(0, layers.size() - 1)).anyMatch(WeightedLayer::isMatrix)
                ? Optional.empty()
                : Optional.of("lowrank factorises Gemm and MatMul layers before the classifier (Conv layers are left "
                        + "alone), but the graph has none whose weight is a constant 2-D float initializer");
    }

    /** Factorises {@code model}'s matrix products; the calibration pixels are not used. */
    @Override
    public GraphResult apply(ModelProto model, float[] calibrationPixels) {
        applicability(model).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        GraphProto graph = model.getGraph();
        GraphEdit edit = new GraphEdit(model);
        Map<String, SvdFactors> factors = new HashMap<>();
        List<String> notes = new ArrayList<>();
        long before = 0;
        long after = 0;
        int factorised = 0;
        List<WeightedLayer> layers = WeightedLayer.find(graph);
        for (WeightedLayer layer : layers) {
            NodeProto node = graph.getNode(layer.index());
            long k = layer.inputsPerOutput();
            long n = layer.outputs();
            int rank = settings.rank(k, n);
            if (!layer.isMatrix()) {
                notes.add(layer + ": left whole (Conv layers are not factorised on a user's graph)");
            } else if (layer.equals(layers.get(layers.size() - 1))) {
                notes.add(layer + ": left whole (the classifier: its rank bounds how many classes stay apart)");
            } else if (Attributes.integer(node, "transA", 0) != 0) {
                notes.add(layer + ": left whole (Gemm with transA=1)");
            } else if (rank * (k + n) >= k * n) {
                notes.add(layer + ": left whole, rank " + rank + " holds " + rank * (k + n) + " >= " + k * n
                        + " weights");
            } else {
                SvdFactors f = factors.computeIfAbsent(layer.weight() + "@" + rank,
                        w -> SvdFactors.of(edit, layer, rank));
                String reduced = edit.node("MatMul", List.of(node.getInput(0), f.first()),
                        edit.fresh(node.getOutput(0) + "_rank" + rank));
                edit.graph().getNodeBuilder(layer.index()).setInput(0, reduced).setInput(1, f.second());
                notes.add(layer + ": rank " + rank + " of " + Math.min(k, n));
                before += k * n;
                after += rank * (k + n);
                factorised++;
            }
        }
        return new GraphResult(edit.build(), Map.of("factorised_layers", (double) factorised, "weights_before",
                (double) before, "weights_after", (double) after), notes);
    }
}
