package dev.compressweep.workers.compress.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.LayerWeights;
import dev.compressweep.workers.model.ModelStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredPruningTest {

    static final ImageDataset DATA = Fixtures.fashion(200, 50);

    @Test
    void shouldHalveChannelsAndNeuronsKeepTheOutputShapeAndCutMacs() {
        CompressedModel input = CompressedModel.create(Architecture.of("cnn", 8, 2), 10, DATA.shape(), 1L);
        long macsBefore = ModelStats.of(input.topology(), input.inputShape()).macs();
        long paramsBefore = input.parameterCount();

        try (CompressedModel out = prune(input, 0.5)) {
            assertEquals(List.of(4, 8, 16, 10), widths(out));
            assertEquals(50 * 10, Inference.logits(out.model(), DATA.test(), 10, 64).length);
            long macsAfter = ModelStats.of(out.topology(), out.inputShape()).macs();
            assertTrue(macsAfter < macsBefore / 3, macsAfter + " of " + macsBefore);
            assertTrue(out.parameterCount() < paramsBefore / 3, out.parameterCount() + " of " + paramsBefore);
            assertEquals(ModelStats.of(out.topology(), out.inputShape()).parameters(), out.parameterCount());
        }
    }

    @Test
    void shouldRemoveTheWeakestChannelsWithTheirDenseColumnsAfterTheFlatten() {
        // Silence conv channels 0 and 2 and hidden neurons 1, 3, 5, 7: the network computes the same
        // function without them, so pruning exactly those must leave every output unchanged.
        CompressedModel model = CompressedModel.create(Architecture.of("cnn", 4, 1), 10, DATA.shape(), 5L);
        List<LayerWeights> layers = new ArrayList<>(ModelLayers.of(model));
        layers.set(0, silence(layers.get(0), new int[] {0, 2}));
        layers.set(1, silence(layers.get(1), new int[] {1, 3, 5, 7, 9, 11, 13, 15}));
        CompressedModel silenced = ModelLayers.rebuild(model, model.topology(), layers);
        model.close();
        float[] before = Inference.logits(silenced.model(), DATA.test(), 10, 64);

        try (CompressedModel out = prune(silenced, 0.5)) {
            assertEquals(List.of(2, 8, 10), widths(out));
            assertEquals(2 * 14 * 14, ModelLayers.of(out).get(1).inputs());
            float[] after = Inference.logits(out.model(), DATA.test(), 10, 64);
            assertArrayEquals(before, after, 1e-4f);
        }
    }

    @Test
    void shouldShrinkTowardTheSameWidthsOverIterativeRounds() {
        CompressedModel input = CompressedModel.create(Architecture.of("mlp", 40, 2), 10, DATA.shape(), 1L);
        StepContext context = new StepContext(DATA, null, new StepParams(Map.of("prune.sparsity", 0.75,
                "prune.structured", true, "prune.schedule", "iterative", "prune.iterations", 3,
                "prune.finetune_epochs", 0)), 1L, ProgressListener.none());

        try (CompressedModel out = new Pruning().apply(input, context)) {
            assertEquals(List.of(10, 10, 10), widths(out));
        }
    }

    private static LayerWeights silence(LayerWeights layer, int[] outputs) {
        float[] w = layer.weight();
        float[] b = layer.bias();
        int row = w.length / layer.outputs();
        for (int o : outputs) {
            Arrays.fill(w, o * row, (o + 1) * row, 0f);
            b[o] = 0f;
        }
        return new LayerWeights(layer.shape(), w, b);
    }

    private static List<Integer> widths(CompressedModel model) {
        return model.topology().weighted().stream().map(LayerSpec.Weighted::outputs).toList();
    }

    private static CompressedModel prune(CompressedModel input, double sparsity) {
        return new Pruning().apply(input, new StepContext(DATA, null, new StepParams(Map.of("prune.sparsity", sparsity,
                "prune.structured", true, "prune.finetune_epochs", 0)), 1L, ProgressListener.none()));
    }
}
