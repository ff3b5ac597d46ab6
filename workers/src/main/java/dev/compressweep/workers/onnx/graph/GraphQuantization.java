package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import dev.compressweep.workers.quant.Granularity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Static int8 quantization of a model graph in QDQ form, what {@code onnxruntime.quantization.quantize_static}
 * does: the constant weights of Conv, Gemm and MatMul layers become symmetric int8 (per tensor, or per
 * output channel), biases of Conv and Gemm int32 (see {@link QdqWriter}), and each activation such a layer
 * reads or writes (after the ReLU that alone reads it; the graph's output stays float) gets a
 * QuantizeLinear/DequantizeLinear pair whose parameters come from running the float graph on calibration
 * pixels ({@link GraphQuantSettings#calibration()}). Layers whose input is itself a constant are left float.
 *
 * <p>Refused (see {@link #applicability}): 4 bits (int4 QDQ needs opset 21, and ONNX Runtime's CPU provider has
 * no int4 convolution or matrix product kernels to run it on), opset below 10 (no QuantizeLinear), per-channel
 * below 13 (no per-axis DequantizeLinear), a graph already quantized. Immutable and thread-safe.
 */
public final class GraphQuantization implements GraphStep {

    /** The step's name in a chain. */
    public static final String NAME = "quantize";
    /** The first opset with QuantizeLinear and DequantizeLinear. */
    public static final int MIN_OPSET = 10;
    /** The first opset whose DequantizeLinear takes one scale per slice along an axis. */
    public static final int PER_CHANNEL_OPSET = 13;

    private static final Set<String> QUANTIZED_OPS = Set.of("QuantizeLinear", "DequantizeLinear", "QLinearConv",
            "QLinearMatMul", "MatMulInteger", "ConvInteger", "DynamicQuantizeLinear");

    private final GraphQuantSettings settings;

    /** Quantization with {@code settings}. */
    public GraphQuantization(GraphQuantSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Optional<String> applicability(ModelProto model) {
        int opset = GraphEdit.opset(model);
        if (settings.bits() != 8) {
            return Optional.of("quantize.bits=" + settings.bits() + " cannot apply to a user's graph: int4 "
                    + "QuantizeLinear/DequantizeLinear need opset 21 and ONNX Runtime's CPU provider has no int4 Conv, "
                    + "Gemm or MatMul kernels to run them; use quantize.bits=8");
        }
        if (opset < MIN_OPSET) {
            return Optional.of("quantize needs opset >= " + MIN_OPSET + " (QuantizeLinear/DequantizeLinear), but the "
                    + "graph imports opset " + opset);
        }
        if (settings.granularity() == Granularity.PER_CHANNEL && opset < PER_CHANNEL_OPSET) {
            return Optional.of("per-channel DequantizeLinear needs opset >= " + PER_CHANNEL_OPSET + ", but the graph "
                    + "imports opset " + opset + "; use quantize.granularity=per_tensor");
        }
        List<String> quantized = model.getGraph().getNodeList().stream().map(NodeProto::getOpType)
                .filter(QUANTIZED_OPS::contains).distinct().toList();
        if (!quantized.isEmpty()) {
            return Optional.of("quantize needs a float graph, but the graph is already quantized (it has "
                    + String.join(", ", quantized) + " nodes)");
        }
        if (layers(model.getGraph()).isEmpty()) {
            return Optional.of("quantize needs a Conv, Gemm or MatMul whose weight is a constant float initializer and "
                    + "whose input is computed, but the graph has none");
        }
        return Optional.empty();
    }

    @Override
    public GraphResult apply(ModelProto model, float[] calibrationPixels) {
        applicability(model).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        GraphProto graph = model.getGraph();
        List<WeightedLayer> layers = layers(graph);
        List<String> points = points(graph, layers);
        Map<String, QdqParams> params = new LinkedHashMap<>();
        Probes.observe(model, points, calibrationPixels, TeacherGraph.pixelsWidth(model), settings.calibration())
                .forEach((tensor, seen) -> {
                    float[] range = seen.range(settings.percentile());
                    params.put(tensor, QdqParams.covering(range[0], range[1], settings.symmetricActivations()));
                });
        GraphEdit edit = new GraphEdit(model);
        QdqWriter writer = new QdqWriter(edit, settings.granularity());
        params.forEach(writer::activation);
        List<String> floatBiases = new ArrayList<>();
        long values = 0;
        for (WeightedLayer layer : layers) {
            Int8Weight weight = writer.weight(layer);
            values += weight.data().length;
            if (!layer.bias().isEmpty()
                    && !writer.bias(layer, weight, params.get(graph.getNode(layer.index()).getInput(0)))) {
                floatBiases.add(layer.node());
            }
        }
        List<String> notes = new ArrayList<>();
        notes.add("activations " + (settings.symmetricActivations() ? "int8 symmetric" : "uint8 with 128 levels")
                + " calibrated by " + settings.calibration().id() + " on " + calibrationPixels.length
                        / TeacherGraph.pixelsWidth(model) + " examples; weights int8 symmetric "
                + settings.granularity().id());
        if (!floatBiases.isEmpty()) {
            notes.add("biases left float (Gemm alpha or beta not 1, or not one value per channel): " + floatBiases);
        }
        List<WeightedLayer> all = WeightedLayer.find(graph);
        if (all.size() > layers.size()) {
            notes.add("layers left float (constant input): " + all.stream().filter(l -> !layers.contains(l))
                    .map(WeightedLayer::node).collect(Collectors.joining(", ")));
        }
        return new GraphResult(edit.build(), Map.of("quantized_layers", (double) layers.size(), "activation_points",
                (double) points.size(), "int8_weight_values", (double) values, "float_biases",
                (double) floatBiases.size()), notes);
    }

    /** The weighted layers whose input is computed (not a constant). */
    private static List<WeightedLayer> layers(GraphProto graph) {
        Set<String> constants = graph.getInitializerList().stream().map(TensorProto::getName)
                .collect(Collectors.toSet());
        return WeightedLayer.find(graph).stream()
                .filter(l -> !constants.contains(graph.getNode(l.index()).getInput(0))).toList();
    }

    /**
     * The activations to quantize: each layer's input, and each layer's output (or the output of the ReLU
     * that alone reads it) unless it is a graph output.
     */
    private static List<String> points(GraphProto graph, List<WeightedLayer> layers) {
        Set<String> outputs = graph.getOutputList().stream().map(ValueInfoProto::getName).collect(Collectors.toSet());
        Map<String, List<NodeProto>> readers = new HashMap<>();
        graph.getNodeList().forEach(n -> GraphEdit.reads(n).forEach(
                t -> readers.computeIfAbsent(t, k -> new ArrayList<>()).add(n)));
        Set<String> points = new LinkedHashSet<>();
        layers.forEach(l -> points.add(graph.getNode(l.index()).getInput(0)));
        for (WeightedLayer l : layers) {
            String y = graph.getNode(l.index()).getOutput(0);
            List<NodeProto> next = readers.getOrDefault(y, List.of());
            if (next.size() == 1 && next.get(0).getOpType().equals("Relu")) {
                y = next.get(0).getOutput(0);
            }
            if (!outputs.contains(y)) {
                points.add(y);
            }
        }
        return List.copyOf(points);
    }
}
