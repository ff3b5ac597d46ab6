package dev.compressweep.workers.onnx.graph;

import static dev.compressweep.workers.onnx.graph.TestGraphs.BATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageShape;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GraphLowRankTest {

    static final ImageShape SHAPE = new ImageShape(1, 8, 8);
    static final float[] ROWS = TestGraphs.pixels(new Random(5), 32, 64);

    @Test
    void shouldReproduceTheOutputsWhereTheKeptRankCoversTheWeightsRank() {
        ModelProto model = lowRankNet();
        GraphLowRank lowrank = new GraphLowRank(new GraphLowRankSettings(0.25));

        GraphResult result = lowrank.apply(model, new float[0]);

        assertEquals(2.0, result.metrics().get("factorised_layers"));
        assertTrue(TestGraphs.maxAbsDifference(TestGraphs.logits(model, ROWS, 32),
                TestGraphs.logits(result.model(), ROWS, 32)) < 1e-4);
        assertTrue(result.model().getSerializedSize() < model.getSerializedSize() / 2,
                result.model().getSerializedSize() + " vs " + model.getSerializedSize());
        assertEquals(List.of("Gemm gemm_node w1[48,64]: rank 12 of 48", "MatMul mul_node w2[48,32]: rank 8 of 32",
                "Gemm logits_node w3[5,32]: left whole (the classifier: its rank bounds how many classes stay apart)"),
                result.notes());
    }

    @Test
    void shouldShrinkATrainedMlpAtLowerRank() {
        ModelProto mlp = Teachers.mlp();

        GraphResult result = new GraphLowRank(new GraphLowRankSettings(0.25)).apply(mlp, new float[0]);

        assertEquals(1.0, result.metrics().get("factorised_layers"));
        assertEquals(32.0 * 784, result.metrics().get("weights_before"));
        assertEquals(8.0 * (32 + 784), result.metrics().get("weights_after"));
        assertTrue(result.model().getSerializedSize() < 0.35 * mlp.getSerializedSize());
        assertEquals(Teachers.TEST_ROWS * 10, Teachers.testLogits(result.model()).length);
    }

    @Test
    void shouldLeaveEveryLayerWholeAtFullRankAndSayWhy() {
        ModelProto model = lowRankNet();

        GraphResult result = new GraphLowRank(new GraphLowRankSettings(1)).apply(model, new float[0]);

        assertEquals(0.0, result.metrics().get("factorised_layers"));
        assertEquals("Gemm gemm_node w1[48,64]: left whole, rank 48 holds 5376 >= 3072 weights", result.notes().get(0));
        assertEquals(TestGraphs.maxAbsDifference(TestGraphs.logits(model, ROWS, 32),
                TestGraphs.logits(result.model(), ROWS, 32)), 0.0);
    }

    @Test
    void shouldLeaveConvLayersAloneAndSaySo() {
        GraphResult result = new GraphLowRank(new GraphLowRankSettings(0.25)).apply(Teachers.cnn(), new float[0]);

        assertTrue(result.notes().get(0).endsWith(": left whole (Conv layers are not factorised on a user's graph)"),
                result.notes().toString());
        ModelProto convOnly = TeacherGraph.adapt(TestGraphs.convOnlyNet(3, 8, 8, 5, 1), TeacherGraphTest.RGB, 5,
                TeacherHints.NONE).model();
        assertEquals(Optional.of("lowrank factorises Gemm and MatMul layers before the classifier (Conv layers are "
                + "left alone), but the graph has none whose weight is a constant 2-D float initializer"),
                new GraphLowRank(new GraphLowRankSettings(0.5)).applicability(convOnly));
    }

    @Test
    void shouldReadTheRankRatioAndRefuseEnergy() {
        assertEquals(new GraphLowRankSettings(0.5), GraphLowRankSettings.from(new StepParams(Map.of(
                "lowrank.rank_ratio", 0.5))));
        assertEquals(3, new GraphLowRankSettings(0.25).rank(784, 10));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GraphLowRankSettings.from(new StepParams(Map.of("lowrank.energy", 0.9))));
        assertEquals("lowrank.energy must be 0 for a user's graph (its rank comes from lowrank.rank_ratio), but got "
                + "0.9", e.getMessage());
    }

    /**
     * Pixels {@code [batch, 64]}, Gemm ({@code transB=1}, weight of rank 3, bias), Relu, MatMul (weight of rank 2),
     * Relu, Gemm classifier to 5 scores.
     */
    private static ModelProto lowRankNet() {
        Random random = new Random(8);
        return TestGraphs.model(13, "custom", GraphProto.newBuilder()
                .addInput(TestGraphs.floats(TeacherGraph.PIXELS, BATCH, 64))
                .addNode(TestGraphs.node("Gemm", List.of(TeacherGraph.PIXELS, "w1", "b1"), "gemm",
                        Attributes.integer("transB", 1)))
                .addNode(TestGraphs.node("Relu", List.of("gemm"), "relu1"))
                .addNode(TestGraphs.node("MatMul", List.of("relu1", "w2"), "mul"))
                .addNode(TestGraphs.node("Relu", List.of("mul"), "relu2"))
                .addNode(TestGraphs.node("Gemm", List.of("relu2", "w3", "b3"), TeacherGraph.LOGITS,
                        Attributes.integer("transB", 1)))
                .addInitializer(product("w1", random, 48, 3, 64))
                .addInitializer(TestGraphs.weight("b1", random, 0.1, 48))
                .addInitializer(product("w2", random, 48, 2, 32))
                .addInitializer(TestGraphs.weight("w3", random, 0.2, 5, 32))
                .addInitializer(TestGraphs.weight("b3", random, 0.1, 5))
                .addOutput(TestGraphs.floats(TeacherGraph.LOGITS, BATCH, 5)));
    }

    /** A {@code rows x cols} initializer of rank {@code rank}: the product of two Gaussian factors. */
    private static TensorProto product(String name, Random random, int rows, int rank, int cols) {
        float[] a = new float[rows * rank];
        float[] b = new float[rank * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (random.nextGaussian() * 0.3);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (random.nextGaussian() * 0.3);
        }
        float[] w = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                for (int k = 0; k < rank; k++) {
                    w[r * cols + c] += a[r * rank + k] * b[k * cols + c];
                }
            }
        }
        return Tensors.floats(name, new long[] {rows, cols}, w);
    }
}
