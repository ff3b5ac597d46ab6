package dev.compressweep.workers.compress.lowrank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.ColourImages;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.LayerSpec;
import dev.compressweep.workers.model.ModelStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResNetLowRankTest {

    @Test
    void shouldFactoriseTheConvolutionsInsideTheBlocksKeepingStridesAndNormalisations() {
        CompressedModel input = ColourImages.trained(Architecture.of("resnet", 8, 2));
        long paramsBefore = input.parameterCount();
        List<Map<String, Double>> reports = new ArrayList<>();
        StepContext context = new StepContext(ColourImages.DATA, null, new StepParams(Map.of("lowrank.rank_ratio", 0.25,
                "lowrank.finetune_epochs", 1)), 1L, (step, metrics) -> reports.add(metrics));

        try (CompressedModel out = new LowRank().apply(input, context)) {
            // block 1's first convolution 8->16 (3x3, stride 2): 1x1 8->2, 3x3 2->4 with the stride, 1x1 4->16
            LayerSpec.Residual block1 = out.topology().layers().stream().filter(LayerSpec.Residual.class::isInstance)
                    .map(LayerSpec.Residual.class::cast).toList().get(1);
            assertEquals(List.of("conv filters=2 kernel=1 padding=0 bias=false",
                    "conv filters=4 kernel=3 padding=1 stride=2 bias=false",
                    "conv filters=16 kernel=1 padding=0 bias=false",
                    "batchnorm", "relu"), block1.main().subList(0, 5).stream().map(LayerSpec::encode).toList());
            assertEquals(6, out.topology().parameterized().stream()
                    .filter(LayerSpec.BatchNorm.class::isInstance).count());
            assertTrue(out.parameterCount() < paramsBefore, out.parameterCount() + " of " + paramsBefore);
            assertEquals(ModelStats.of(out.topology(), out.inputShape()).parameters(), out.parameterCount());
            assertEquals(64 * 4, Inference.logits(out.model(), ColourImages.DATA.test(), 4, 64).length);
            assertTrue(reports.get(reports.size() - 1).get("factorised_layers") >= 4, reports.toString());
        }
    }
}
