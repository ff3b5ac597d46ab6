package dev.compressweep.workers.onnx.graph;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.compressweep.workers.model.ModelStats;
import dev.compressweep.workers.onnx.OnnxException;
import dev.compressweep.workers.onnx.OrtRuntime;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts the costs of one forward pass of one example through a graph that takes {@value TeacherGraph#PIXELS}, as
 * {@link ModelStats} counts them for the project's own networks: multiply-accumulates of Conv, Gemm and MatMul
 * nodes whose weight is constant (an initializer, or an initializer behind DequantizeLinear); parameters: the
 * values of float and integer initializers (shapes, int64, are not parameters); peak memory: the parameters as
 * float32 plus the largest input/output pair of those nodes. Activation shapes are read from one run of the graph
 * on ONNX Runtime with those tensors as extra outputs. Stateless and thread-safe.
 */
public final class GraphStats {

    private static final int FLOAT_BYTES = 4;
    private static final Set<Integer> PARAMETER_TYPES = Set.of(DataType.FLOAT.getNumber(),
            DataType.INT8.getNumber(), DataType.UINT8.getNumber(), DataType.INT32.getNumber(),
            DataType.FLOAT16.getNumber());

    private GraphStats() {}

    /**
     * The counted costs of {@code model} on examples of {@code width} values.
     *
     * @throws OnnxException when ONNX Runtime cannot run the graph
     */
    public static ModelStats of(ModelProto model, int width) {
        GraphProto g = model.getGraph();
        Map<String, TensorProto> constants = new HashMap<>();
        g.getInitializerList().forEach(t -> constants.put(t.getName(), t));
        Map<String, TensorProto> dequantized = new HashMap<>();
        for (NodeProto node : g.getNodeList()) {
            if (node.getOpType().equals("DequantizeLinear") && constants.containsKey(node.getInput(0))) {
                dequantized.put(node.getOutput(0), constants.get(node.getInput(0)));
            }
        }
        List<NodeProto> weighted = new ArrayList<>();
        for (NodeProto node : g.getNodeList()) {
            if (WeightedLayer.OPS.contains(node.getOpType()) && node.getInputCount() > 1
                    && (constants.containsKey(node.getInput(1)) || dequantized.containsKey(node.getInput(1)))) {
                weighted.add(node);
            }
        }
        Set<String> probed = new LinkedHashSet<>();
        weighted.forEach(n -> {
            probed.add(n.getInput(0));
            probed.add(n.getOutput(0));
        });
        Map<String, Long> sizes = sizes(model, probed, width);
        long macs = 0;
        long peak = width;
        for (NodeProto node : weighted) {
            TensorProto w = constants.getOrDefault(node.getInput(1), dequantized.get(node.getInput(1)));
            long out = sizes.get(node.getOutput(0));
            long weights = w.getDimsList().stream().reduce(1L, Math::multiplyExact);
            // a Conv weight [M, C/group, kh, kw] is applied at each of the out / M output positions; a MatMul or Gemm
            // weight [K, N] ([N, K] with transB) costs K for each output value
            macs += node.getOpType().equals("Conv")
                    ? out / w.getDims(0) * weights
                    : out * w.getDims(node.getOpType().equals("Gemm") && transB(node) ? 1 : 0);
            peak = Math.max(peak, sizes.get(node.getInput(0)) + out);
        }
        long parameters = g.getInitializerList().stream().filter(t -> PARAMETER_TYPES.contains(t.getDataType()))
                .mapToLong(t -> t.getDimsList().stream().reduce(1L, Math::multiplyExact)).sum();
        return new ModelStats(macs, parameters, FLOAT_BYTES * (parameters + peak));
    }

    private static boolean transB(NodeProto node) {
        return node.getAttributeList().stream().anyMatch(a -> a.getName().equals("transB") && a.getI() == 1);
    }

    /** Elements per example of each of {@code tensors}, from one run on a zero example. */
    private static Map<String, Long> sizes(ModelProto model, Set<String> tensors, int width) {
        Map<String, Long> out = new HashMap<>();
        out.put(TeacherGraph.PIXELS, (long) width);
        List<String> probed = tensors.stream().filter(t -> !t.equals(TeacherGraph.PIXELS)).toList();
        if (probed.isEmpty()) {
            return out;
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            try (OrtSession session = OrtRuntime.environment().createSession(
                    Probes.withOutputs(model, probed).toByteArray(), options);
                    OnnxTensor input = OnnxTensor.createTensor(OrtRuntime.environment(),
                            FloatBuffer.wrap(new float[width]), new long[] {1, width});
                    OrtSession.Result result = session.run(Map.of(TeacherGraph.PIXELS, input), Set.copyOf(probed))) {
                for (String name : probed) {
                    long[] shape = ((OnnxTensor) result.get(name).orElseThrow()).getInfo().getShape();
                    long n = 1;
                    for (long d : shape) {
                        n *= d;
                    }
                    out.put(name, n);
                }
            }
        } catch (OrtException e) {
            throw new OnnxException("ONNX Runtime cannot run the graph to count its costs: " + e.getMessage(), e);
        }
        return out;
    }
}
