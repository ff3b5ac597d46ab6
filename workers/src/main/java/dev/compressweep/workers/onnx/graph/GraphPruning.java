package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.compressweep.workers.compress.prune.MagnitudePruner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Unstructured magnitude pruning of a model graph: sets to zero the {@code round(sparsity * n)} constant
 * weights of smallest magnitude of Conv, Gemm and MatMul layers, ranked within each weight (layer scope)
 * or across all of them (global scope); ties go to the earlier weight, then the earlier position, so the
 * count is exact. Biases are kept. Weights stay dense (zeros are stored), so the file does not shrink until a
 * later step (quantization) or a compressor uses the zeros. There is no fine-tuning: the graph cannot be
 * trained here. Immutable and thread-safe.
 */
public final class GraphPruning implements GraphStep {

    /** The step's name in a chain. */
    public static final String NAME = "prune";

    private final GraphPruneSettings settings;

    /** Pruning with {@code settings}. */
    public GraphPruning(GraphPruneSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> applicability(ModelProto model) {
        return WeightedLayer.find(model.getGraph()).isEmpty()
                ? Optional.of("prune needs a Conv, Gemm or MatMul whose weight is a constant float initializer, but "
                        + "the graph has none")
                : Optional.empty();
    }

    /** Prunes {@code model}; the calibration pixels are not used. */
    @Override
    public GraphResult apply(ModelProto model, float[] calibrationPixels) {
        applicability(model).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        GraphEdit edit = new GraphEdit(model);
        Map<String, float[]> weights = new LinkedHashMap<>();
        WeightedLayer.find(model.getGraph()).forEach(l -> weights.computeIfAbsent(l.weight(),
                w -> Tensors.floats(edit.initializer(w).orElseThrow())));
        if (settings.global()) {
            MagnitudePruner.zeroSmallest(List.copyOf(weights.values()), settings.sparsity());
        } else {
            weights.values().forEach(w -> MagnitudePruner.zeroSmallest(List.of(w), settings.sparsity()));
        }
        long zeros = 0;
        long total = 0;
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, float[]> e : weights.entrySet()) {
            TensorProto original = edit.initializer(e.getKey()).orElseThrow();
            edit.putInitializer(Tensors.floats(e.getKey(), Tensors.dims(original), e.getValue()));
            long zero = zeros(e.getValue());
            zeros += zero;
            total += e.getValue().length;
            notes.add(String.format(Locale.ROOT, "%s: %.4f zero", e.getKey(), (double) zero / e.getValue().length));
        }
        notes.add("no fine-tuning: the graph cannot be trained here");
        return new GraphResult(edit.build(), Map.of("sparsity", (double) zeros / total, "zero_weights", (double) zeros,
                "weights", (double) total), notes);
    }

    private static long zeros(float[] values) {
        long n = 0;
        for (float v : values) {
            if (v == 0f) {
                n++;
            }
        }
        return n;
    }
}
