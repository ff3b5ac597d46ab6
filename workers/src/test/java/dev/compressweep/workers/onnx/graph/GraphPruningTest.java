package dev.compressweep.workers.onnx.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageShape;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphPruningTest {

    @Test
    void shouldReachTheSparsityInEveryLayerWithLayerScope() {
        ModelProto cnn = Teachers.cnn();

        GraphResult result = new GraphPruning(new GraphPruneSettings(0.7, false)).apply(cnn, new float[0]);

        for (WeightedLayer layer : GraphDescription.of(result.model()).layers()) {
            float[] w = Tensors.floats(Teachers.initializer(result.model(), layer.weight()));
            assertEquals(Math.round(0.7 * w.length), zeros(w), layer.toString());
        }
        assertEquals(0.7, result.metrics().get("sparsity"), 1e-3);
        assertEquals(Teachers.TEST_ROWS * 10, Teachers.testLogits(result.model()).length);
        assertEquals(cnn.getGraph().getNodeCount(), result.model().getGraph().getNodeCount());
    }

    @Test
    void shouldReachTheSparsityOverAllWeightsTogetherWithGlobalScope() {
        ModelProto cnn = Teachers.cnn();

        GraphResult result = new GraphPruning(new GraphPruneSettings(0.6, true)).apply(cnn, new float[0]);

        long zeros = 0;
        long total = 0;
        List<Double> perLayer = new ArrayList<>();
        for (WeightedLayer layer : GraphDescription.of(result.model()).layers()) {
            float[] w = Tensors.floats(Teachers.initializer(result.model(), layer.weight()));
            zeros += zeros(w);
            total += w.length;
            perLayer.add((double) zeros(w) / w.length);
        }
        assertEquals(Math.round(0.6 * total), zeros);
        assertEquals((double) zeros / total, result.metrics().get("sparsity"), 1e-12);
        assertTrue(perLayer.stream().distinct().count() > 1, "layers are pruned unevenly: " + perLayer);
    }

    @Test
    void shouldLeaveBiasesWhole() {
        ModelProto mlp = Teachers.mlp();

        ModelProto pruned = new GraphPruning(new GraphPruneSettings(0.9, false)).apply(mlp, new float[0]).model();

        for (WeightedLayer layer : GraphDescription.of(mlp).layers()) {
            assertEquals(Teachers.initializer(mlp, layer.bias()), Teachers.initializer(pruned, layer.bias()));
        }
    }

    @Test
    void shouldReadItsSettingsAndRefuseStructuredPruning() {
        assertEquals(new GraphPruneSettings(0.3, true), GraphPruneSettings.from(new StepParams(Map.of(
                "prune.sparsity", 0.3, "prune.scope", "global", "prune.finetune_epochs", 2))));
        IllegalArgumentException structured = assertThrows(IllegalArgumentException.class,
                () -> GraphPruneSettings.from(new StepParams(Map.of("prune.structured", true))));
        IllegalArgumentException sparsity = assertThrows(IllegalArgumentException.class,
                () -> new GraphPruneSettings(0.99, false));

        assertEquals("prune.structured must be false for a user's graph (only unstructured magnitude pruning applies "
                + "to it), but got true", structured.getMessage());
        assertEquals("prune.sparsity must lie in [0, 0.95], but got 0.99", sparsity.getMessage());
    }

    @Test
    void shouldRefuseAGraphWithoutConstantWeights() {
        ModelProto none = TeacherGraph.adapt(TestGraphs.softmaxOnly(5), new ImageShape(1, 1, 5), 5,
                TeacherHints.NONE).model();
        GraphPruning pruning = new GraphPruning(new GraphPruneSettings(0.5, false));

        assertEquals(Optional.of("prune needs a Conv, Gemm or MatMul whose weight is a constant float initializer, but "
                + "the graph has none"), pruning.applicability(none));
    }

    static long zeros(float[] values) {
        long n = 0;
        for (float v : values) {
            if (v == 0f) {
                n++;
            }
        }
        return n;
    }
}
