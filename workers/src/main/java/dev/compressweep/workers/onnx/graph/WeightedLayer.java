package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.GraphProtoOrBuilder;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A Conv, Gemm or MatMul node of the main graph whose weight (second input) is a constant float initializer:
 * the layers the graph tools compress. A MatMul counts when its weight is 2-D, {@code [K, N]}; a Gemm's
 * weight is {@code [K, N]}, or {@code [N, K]} with {@code transB=1}; a Conv's is {@code [out, in, kh, kw]}.
 *
 * @param index the node's position in the graph's node list when found
 * @param node the node's name, or {@code <op>#<index>} when it has none
 * @param op {@code Conv}, {@code Gemm} or {@code MatMul}
 * @param weight the weight initializer's name
 * @param weightDims the weight's dimensions
 * @param outputAxis the weight's output-channel axis: 0 for Conv and for Gemm with {@code transB=1}, else 1
 * @param bias the bias initializer's name (Conv and Gemm), or empty when there is none or it is not constant
 */
public record WeightedLayer(int index, String node, String op, String weight, List<Long> weightDims, int outputAxis,
        String bias) {

    /** The operators whose constant weights the graph tools compress. */
    public static final Set<String> OPS = Set.of("Conv", "Gemm", "MatMul");

    public WeightedLayer {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(bias, "bias");
        weightDims = List.copyOf(weightDims);
        if (!OPS.contains(op)) {
            throw new IllegalArgumentException("a weighted layer must be one of " + OPS + ", but got " + op);
        }
        if (outputAxis < 0 || outputAxis >= weightDims.size()) {
            throw new IllegalArgumentException("the output axis must index the weight's dims " + weightDims
                    + ", but got " + outputAxis);
        }
    }

    /** The weighted layers of {@code graph}, in node order. */
    static List<WeightedLayer> find(GraphProtoOrBuilder graph) {
        Map<String, TensorProto> constants = graph.getInitializerList().stream()
                .collect(Collectors.toMap(TensorProto::getName, Function.identity(), (a, b) -> b));
        List<WeightedLayer> out = new ArrayList<>();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto n = graph.getNode(i);
            if (!OPS.contains(n.getOpType()) || !n.getDomain().isEmpty() || n.getInputCount() < 2) {
                continue;
            }
            TensorProto w = constants.get(n.getInput(1));
            if (w == null || w.getDataType() != DataType.FLOAT.getNumber()) {
                continue;
            }
            boolean conv = n.getOpType().equals("Conv");
            if (conv ? w.getDimsCount() < 3 : w.getDimsCount() != 2) {
                continue;
            }
            int axis = conv || n.getOpType().equals("Gemm") && Attributes.integer(n, "transB", 0) == 1 ? 0 : 1;
            boolean biased = !n.getOpType().equals("MatMul") && n.getInputCount() > 2
                    && constants.containsKey(n.getInput(2));
            String bias = biased ? n.getInput(2) : "";
            out.add(new WeightedLayer(i, n.getName().isEmpty() ? n.getOpType() + "#" + i : n.getName(), n.getOpType(),
                    w.getName(), w.getDimsList(), axis, bias));
        }
        return out;
    }

    /** Whether the layer is a matrix product (Gemm or MatMul), which low-rank factorisation applies to. */
    public boolean isMatrix() {
        return !op.equals("Conv");
    }

    /** Output channels: the weight's extent along {@link #outputAxis}. */
    public long outputs() {
        return weightDims.get(outputAxis);
    }

    /** Values per output channel: {@code K} of a matrix product, {@code in * kh * kw} of a convolution. */
    public long inputsPerOutput() {
        return weightDims.stream().mapToLong(Long::longValue).reduce(1, Math::multiplyExact) / outputs();
    }

    /** E.g. {@code Gemm fc1 W1[32,784]}. */
    @Override
    public String toString() {
        return op + " " + node + " " + weight + TensorSignature.format(weightDims);
    }
}
