package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a model file is, for validation messages and experiment tags: its inputs and outputs as declared, the
 * default-domain opset it imports, who produced it, and its {@link WeightedLayer weighted layers}.
 *
 * @param inputs the graph inputs that are not initializers
 * @param outputs the graph outputs
 * @param opset the default ONNX domain's version, 0 when not imported
 * @param producerName e.g. {@code pytorch}, {@code tf2onnx}, {@code skl2onnx}; empty when not recorded
 * @param producerVersion the producer's version; empty when not recorded
 * @param layers the Conv, Gemm and MatMul nodes with constant float weights, in node order
 */
public record GraphDescription(List<TensorSignature> inputs, List<TensorSignature> outputs, int opset,
        String producerName, String producerVersion, List<WeightedLayer> layers) {

    public GraphDescription {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        layers = List.copyOf(layers);
        Objects.requireNonNull(producerName, "producerName");
        Objects.requireNonNull(producerVersion, "producerVersion");
    }

    /** Describes {@code model}. */
    public static GraphDescription of(ModelProto model) {
        GraphProto g = model.getGraph();
        Set<String> constants = g.getInitializerList().stream().map(TensorProto::getName).collect(Collectors.toSet());
        return new GraphDescription(
                g.getInputList().stream().filter(v -> !constants.contains(v.getName())).map(TensorSignature::of)
                        .toList(),
                g.getOutputList().stream().map(TensorSignature::of).toList(), GraphEdit.opset(model),
                model.getProducerName(), model.getProducerVersion(), WeightedLayer.find(g));
    }

    /** How many weighted layers each operator has, e.g. {@code {Conv=2, Gemm=1}}. */
    public Map<String, Long> layerCounts() {
        return new TreeMap<>(layers.stream().collect(Collectors.groupingBy(WeightedLayer::op, Collectors.counting())));
    }

    /**
     * Short tags for an experiment tracker: {@code input}, {@code outputs}, {@code opset}, {@code producer}
     * and {@code weighted_layers} (e.g. {@code Conv:2,Gemm:1}); the caller adds its own prefix.
     */
    public Map<String, String> tags() {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("input", join(inputs));
        tags.put("outputs", join(outputs));
        tags.put("opset", Integer.toString(opset));
        tags.put("producer", (producerName + " " + producerVersion).trim());
        tags.put("weighted_layers", layerCounts().entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(",")));
        return tags;
    }

    /** One line naming inputs, outputs, opset, producer and weighted layers. */
    @Override
    public String toString() {
        return "inputs " + join(inputs) + "; outputs " + join(outputs) + "; opset " + opset + "; producer "
                + (producerName.isEmpty() ? "unknown" : (producerName + " " + producerVersion).trim())
                + "; weighted layers " + (layers.isEmpty() ? "none" : layers.stream().map(WeightedLayer::toString)
                        .collect(Collectors.joining(", ")));
    }

    private static String join(List<TensorSignature> values) {
        return values.isEmpty() ? "none" : values.stream().map(TensorSignature::toString)
                .collect(Collectors.joining(", "));
    }
}
