package dev.compressweep.workers.compress.lowrank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.compress.prune.ModelLayers;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.LayerWeights;
import dev.compressweep.workers.model.ModelStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LowRankTest {

    static final ImageDataset DATA = Fixtures.fashion(200, 50);

    @Test
    void shouldFactoriseOnlyTheLayersWhereItSavesWeightsAndKeepTheClassifierWhole() {
        CompressedModel input = CompressedModel.create(Architecture.of("cnn", 8, 2), 10, DATA.shape(), 1L);
        long paramsBefore = input.parameterCount();
        long macsBefore = ModelStats.of(input.topology(), input.inputShape()).macs();
        List<Map<String, Double>> reports = new ArrayList<>();
        StepContext context = new StepContext(DATA, null, new StepParams(Map.of("lowrank.rank_ratio", 0.75,
                "lowrank.finetune_epochs", 0)), 1L, (step, metrics) -> reports.add(metrics));

        try (CompressedModel out = new LowRank().apply(input, context)) {
            // conv 1->8 stays (ranks 1 and 6 would need 1 + 54 + 48 weights instead of 72); conv 8->16
            // becomes 1x1 8->6, 3x3 6->12, 1x1 12->16; dense 784->32 becomes 784->24->32; the classifier stays.
            assertEquals(List.of("conv filters=8 kernel=3 padding=1 bias=true", "relu", "maxpool size=2",
                    "conv filters=6 kernel=1 padding=0 bias=false", "conv filters=12 kernel=3 padding=1 bias=false",
                    "conv filters=16 kernel=1 padding=0 bias=true", "relu", "maxpool size=2", "flatten",
                    "dense units=24 bias=false", "dense units=32 bias=true", "relu", "dense units=10 bias=true"),
                    out.topology().encode());
            assertTrue(out.parameterCount() < paramsBefore, out.parameterCount() + " of " + paramsBefore);
            assertTrue(ModelStats.of(out.topology(), out.inputShape()).macs() < macsBefore);
            assertEquals(50 * 10, Inference.logits(out.model(), DATA.test(), 10, 64).length);
            assertEquals(2.0, reports.get(0).get("factorised_layers"));
        }
    }

    @Test
    void shouldReproduceALayerOfLowRankExactlyAtTheRankItsEnergyNeeds() {
        CompressedModel random = CompressedModel.create(Architecture.of("mlp", 64, 1), 10, DATA.shape(), 1L);
        List<LayerWeights> layers = new ArrayList<>(ModelLayers.of(random));
        layers.set(0, rankEight(layers.get(0)));
        CompressedModel input = ModelLayers.rebuild(random, random.topology(), layers);
        random.close();
        float[] before = Inference.logits(input.model(), DATA.test(), 10, 64);
        StepContext context = new StepContext(DATA, null, new StepParams(Map.of("lowrank.energy", 0.999999,
                "lowrank.finetune_epochs", 0)), 1L, ProgressListener.none());

        try (CompressedModel out = new LowRank().apply(input, context)) {
            assertEquals("dense units=8 bias=false", out.topology().encode().get(1));
            assertArrayEquals(before, Inference.logits(out.model(), DATA.test(), 10, 64), 1e-4f);
        }
    }

    @Test
    void shouldRefuseARankRatioOutOfRangeNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LowRankSettings.from(new StepParams(Map.of("lowrank.rank_ratio", 0.01))));

        assertEquals("lowrank.rank_ratio must lie in [0.05, 1], but got 0.01", e.getMessage());
    }

    /** The layer with its weight replaced by a random product of rank 8, same bias. */
    private static LayerWeights rankEight(LayerWeights layer) {
        Random random = new Random(7L);
        int out = layer.outputs();
        int in = layer.inputs();
        double[][] a = new double[out][8];
        double[][] b = new double[8][in];
        for (double[] row : a) {
            Arrays.setAll(row, i -> random.nextGaussian() * 0.1);
        }
        for (double[] row : b) {
            Arrays.setAll(row, i -> random.nextGaussian() * 0.1);
        }
        float[] w = new float[out * in];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                double sum = 0;
                for (int r = 0; r < 8; r++) {
                    sum += a[o][r] * b[r][i];
                }
                w[o * in + i] = (float) sum;
            }
        }
        return new LayerWeights(layer.shape(), w, layer.bias());
    }
}
