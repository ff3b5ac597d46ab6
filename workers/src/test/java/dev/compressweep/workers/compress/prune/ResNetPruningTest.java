package dev.compressweep.workers.compress.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageSplit;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.ColourImages;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.ModelStats;
import dev.compressweep.workers.model.NormWeights;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResNetPruningTest {

    static final Architecture RESNET = Architecture.of("resnet", 8, 2);
    static final ImageSplit TEST = ColourImages.DATA.test();

    @Test
    void shouldZeroExactlyTheSparsityOfAllConvolutionAndDenseWeights() {
        for (String scope : List.of("global", "layer")) {
            try (CompressedModel out = prune(ColourImages.trained(RESNET), Map.of("prune.sparsity", 0.6,
                    "prune.scope", scope, "prune.finetune_epochs", 1))) {
                assertEquals(0.6, Pruning.sparsity(out), 1e-3, scope);
                assertTrue(Float.isFinite(Inference.logits(out.model(), TEST, 4, 64)[0]), scope);
            }
        }
    }

    @Test
    void shouldPruneTheHiddenChannelsOfEachBlockAndLeaveTheResidualSumsWhole() {
        CompressedModel input = ColourImages.trained(RESNET);
        long macsBefore = ModelStats.of(input.topology(), input.inputShape()).macs();

        try (CompressedModel out = prune(input, Map.of("prune.sparsity", 0.5, "prune.structured", true,
                "prune.finetune_epochs", 1))) {
            // stem; block 0's two convolutions; block 1's two and its projection; the classifier
            assertEquals(List.of(8, 4, 8, 8, 16, 16, 4), widths(out));
            assertEquals(64 * 4, Inference.logits(out.model(), TEST, 4, 64).length);
            assertTrue(ModelStats.of(out.topology(), out.inputShape()).macs() < macsBefore);
            assertEquals(ModelStats.of(out.topology(), out.inputShape()).parameters(), out.parameterCount());
        }
    }

    @Test
    void shouldRemoveTheChannelsABlockSilencesWithoutChangingItsFunction() {
        // A normalisation with gamma = beta = 0 silences its channel: the next convolution gets zeros from it.
        // Silencing half the hidden channels of each block, pruning half must remove exactly those.
        CompressedModel silenced;
        try (CompressedModel model = ColourImages.trained(RESNET)) {
            List<NormWeights> norms = new ArrayList<>(ModelLayers.norms(model));
            norms.set(1, silence(norms.get(1), new int[] {0, 2, 4, 6}));
            norms.set(3, silence(norms.get(3), new int[] {1, 3, 5, 7, 9, 11, 13, 15}));
            silenced = ModelLayers.rebuild(model, model.topology(), ModelLayers.of(model), norms);
        }
        float[] before = Inference.logits(silenced.model(), TEST, 4, 64);

        try (CompressedModel out = prune(silenced, Map.of("prune.sparsity", 0.5, "prune.structured", true,
                "prune.finetune_epochs", 0))) {
            assertEquals(List.of(8, 4, 8, 8, 16, 16, 4), widths(out));
            assertArrayEquals(before, Inference.logits(out.model(), TEST, 4, 64), 1e-4f);
        }
    }

    private static NormWeights silence(NormWeights norm, int[] channels) {
        float[] gamma = norm.gamma();
        float[] beta = norm.beta();
        for (int c : channels) {
            gamma[c] = 0f;
            beta[c] = 0f;
        }
        return new NormWeights(gamma, beta, norm.mean(), norm.variance());
    }

    private static List<Integer> widths(CompressedModel model) {
        return model.topology().weighted().stream().map(LayerSpec.Weighted::outputs).toList();
    }

    private static CompressedModel prune(CompressedModel input, Map<String, Object> params) {
        return new Pruning().apply(input, new StepContext(ColourImages.DATA, null, new StepParams(params), 1L,
                ProgressListener.none()));
    }
}
