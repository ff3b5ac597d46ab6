package dev.compressweep.workers.compress.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.CompressionChain;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.compress.TeacherLogits;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.quant.QuantizedTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChainOrderTest {

    static final ImageDataset DATA = Fixtures.fashion(300, 50);

    @Test
    void shouldDistillPruneWithTheTeachersLogitsThenQuantizeKeepingZerosAtZero() {
        TeacherLogits teacher;
        try (CompressedModel t = CompressedModel.create(Architecture.of("mlp", 32, 1), 10, DATA.shape(), 4L)) {
            teacher = new TeacherLogits(DATA.train().size(), 10, Inference.logits(t.model(), DATA.train(), 10, 100));
        }
        List<String> reports = new ArrayList<>();
        StepContext context = new StepContext(DATA, teacher, new StepParams(Map.of("distill.epochs", 1,
                "distill.width", 16, "prune.sparsity", 0.5, "prune.finetune_epochs", 1)), 1L,
                (step, metrics) -> reports.add(step));
        CompressedModel input = CompressedModel.create(Architecture.of("mlp", 32, 1), 10, DATA.shape(), 4L);

        try (CompressedModel out = CompressionChain.of(List.of("distill", "prune", "quantize")).apply(input, context)) {
            assertEquals(List.of("distill", "prune", "prune", "quantize"), reports);
            for (NamedTensor t : out.tensors()) {
                if (t.weight()) {
                    QuantizedTensor q = out.quantized().get(t.name());
                    long zeroIntegers = Arrays.stream(q.values()).filter(v -> v == 0).count();
                    assertTrue(zeroIntegers >= Math.round(0.5 * q.size()), t.name() + ": " + zeroIntegers);
                }
            }
        }
    }

    @Test
    void shouldPruneThenFactoriseWithoutRefillingTheLayersLeftWhole() {
        StepContext context = new StepContext(DATA, null, new StepParams(Map.of("prune.sparsity", 0.6,
                "prune.finetune_epochs", 0, "lowrank.finetune_epochs", 1)), 1L, (step, metrics) -> { });
        CompressedModel input = CompressedModel.create(Architecture.of("cnn", 8, 2), 10, DATA.shape(), 4L);

        try (CompressedModel out = CompressionChain.of(List.of("prune", "lowrank")).apply(input, context)) {
            List<NamedTensor> tensors = out.tensors();
            NamedTensor classifier = tensors.get(tensors.size() - 2);
            assertEquals(List.of(10, 32), Arrays.stream(classifier.shape()).boxed().toList());
            assertEquals(Math.round(0.6 * 320), PruningTest.zeros(classifier.values()));
        }
    }

    @Test
    void shouldRemoveChannelsOfFactorisedLayersToo() {
        StepContext context = new StepContext(DATA, null, new StepParams(Map.of("lowrank.rank_ratio", 0.5,
                "lowrank.finetune_epochs", 0, "prune.structured", true, "prune.finetune_epochs", 0)), 1L,
                (step, metrics) -> { });
        CompressedModel input = CompressedModel.create(Architecture.of("cnn", 8, 2), 10, DATA.shape(), 4L);

        try (CompressedModel out = CompressionChain.of(List.of("lowrank", "prune")).apply(input, context)) {
            // lowrank gives widths 1, 4, 8 | 4, 8, 16 | 16, 32 | 10; pruning halves all but the classes
            assertEquals(List.of(1, 2, 4, 2, 4, 8, 8, 16, 10),
                    out.topology().weighted().stream().map(w -> w.outputs()).toList());
            assertEquals(50 * 10, Inference.logits(out.model(), DATA.test(), 10, 64).length);
        }
    }

    @Test
    void shouldQuantizeAgainAfterFactorisingAQuantizedModel() {
        StepContext context = new StepContext(DATA, null, new StepParams(Map.of("quantize.bits", 4,
                "lowrank.finetune_epochs", 1)), 1L, (step, metrics) -> { });
        CompressedModel input = CompressedModel.create(Architecture.of("mlp", 32, 1), 10, DATA.shape(), 4L);

        try (CompressedModel out = CompressionChain.of(List.of("quantize", "lowrank")).apply(input, context)) {
            assertEquals(3, out.topology().weighted().size());
            long weights = out.tensors().stream().filter(NamedTensor::weight).count();
            assertEquals(weights, out.quantized().size());
            out.quantized().values().forEach(q -> assertEquals(4, q.scheme().bits()));
        }
    }
}
