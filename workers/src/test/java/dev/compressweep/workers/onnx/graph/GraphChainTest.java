package dev.compressweep.workers.onnx.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorProto.DataType;
import dev.compressweep.workers.compress.StepParams;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphChainTest {

    static final StepParams PARAMS = new StepParams(Map.of("prune.sparsity", 0.5, "lowrank.rank_ratio", 0.5));

    @Test
    void shouldPruneThenQuantizeKeepingThePrunedWeightsZeroInInt8() {
        ModelProto cnn = Teachers.cnn();
        GraphChain chain = GraphChain.of(List.of("prune", "quantize"), PARAMS);

        GraphResult result = chain.apply(cnn, Teachers.CALIBRATION);

        List<TensorProto> int8 = result.model().getGraph().getInitializerList().stream()
                .filter(t -> t.getDataType() == DataType.INT8.getNumber() && t.getDimsCount() > 1).toList();
        assertEquals(4, int8.size());
        for (TensorProto w : int8) {
            assertTrue(zeros(w) >= w.getRawData().size() / 2, w.getName() + ": " + zeros(w));
        }
        assertEquals(0.5, result.metrics().get("prune.sparsity"), 1e-3);
        assertEquals(4.0, result.metrics().get("quantize.quantized_layers"));
        assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("quantize: activations uint8")));
        ModelProto pruned = new GraphPruning(new GraphPruneSettings(0.5, false)).apply(cnn, new float[0]).model();
        double agreement = Teachers.agreement(pruned, result.model());
        assertTrue(agreement >= 0.95, "agreement with the pruned float graph " + agreement);
    }

    @Test
    void shouldLowRankThenQuantizeAndPruneThenLowRank() {
        ModelProto mlp = Teachers.mlp();

        GraphResult quantized = GraphChain.of(List.of("lowrank", "quantize"), PARAMS).apply(mlp, Teachers.CALIBRATION);
        GraphResult factorised = GraphChain.of(List.of("prune", "lowrank"), PARAMS).apply(mlp, new float[0]);

        assertEquals(3.0, quantized.metrics().get("quantize.quantized_layers"), "both factors and the classifier");
        assertTrue(quantized.model().getSerializedSize() < 0.2 * mlp.getSerializedSize());
        assertTrue(Teachers.agreement(mlp, quantized.model()) >= 0.8);
        assertEquals(1.0, factorised.metrics().get("lowrank.factorised_layers"));
        assertEquals(Teachers.TEST_ROWS * 10, Teachers.testLogits(factorised.model()).length);
    }

    @Test
    void shouldSayWhichStepCannotApply() {
        ModelProto cnnWithoutDense = TeacherGraph.adapt(TestGraphs.convOnlyNet(3, 8, 8, 5, 1), TeacherGraphTest.RGB,
                5, TeacherHints.NONE).model();

        Optional<String> reason = GraphChain.of(List.of("prune", "lowrank"), PARAMS).applicability(cnnWithoutDense);

        assertTrue(reason.orElseThrow().startsWith("lowrank: lowrank factorises Gemm and MatMul layers"), reason.get());
        assertEquals(Optional.empty(), GraphChain.of(List.of("prune", "quantize"), PARAMS)
                .applicability(cnnWithoutDense));
    }

    @Test
    void shouldRefuseQuantizeBeforeAnotherStepAndUnknownSteps() {
        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> GraphChain.of(List.of("quantize", "prune"), PARAMS));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> GraphChain.of(List.of("distill", "quantize"), PARAMS));

        assertEquals("quantize must be the last step on a user's graph (after it the weights are int8), but the chain "
                + "is [quantize, prune]", order.getMessage());
        assertEquals("a user's graph can be compressed by quantize, prune and lowrank, but the chain [distill, "
                + "quantize] has 'distill'", unknown.getMessage());
    }

    private static long zeros(TensorProto int8) {
        long n = 0;
        for (byte b : int8.getRawData().toByteArray()) {
            if (b == 0) {
                n++;
            }
        }
        return n;
    }
}
