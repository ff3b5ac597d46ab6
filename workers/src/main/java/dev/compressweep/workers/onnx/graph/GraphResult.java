package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link GraphStep} made of a model.
 *
 * @param model the compressed model, with the same input and output
 * @param metrics measured numbers, e.g. {@code sparsity -> 0.5} or {@code factorised_layers -> 2}
 * @param notes one line per decision worth reporting, e.g. a layer left whole and why
 */
public record GraphResult(ModelProto model, Map<String, Double> metrics, List<String> notes) {

    public GraphResult {
        Objects.requireNonNull(model, "model");
        metrics = Map.copyOf(metrics);
        notes = List.copyOf(notes);
    }
}
