package dev.compressweep.workers.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.eval.ClassificationMetrics;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.quant.Granularity;
import dev.compressweep.workers.quant.QuantScheme;
import dev.compressweep.workers.quant.Quantizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QuantAwareTrainingTest {

    static final ImageDataset DATA = Fixtures.fashion(2000, 500);
    static final QuantScheme INT4 = new QuantScheme(4, Granularity.PER_TENSOR, true);
    static final Map<String, Object> INT4_PARAMS =
            Map.of("quantize.bits", 4, "quantize.granularity", "per_tensor", "quantize.symmetric", true);
    static CompressedModel trained;

    @BeforeAll
    static void trainAModel() {
        trained = Fixtures.trained(Architecture.of("mlp", 64, 1), 2, 4L);
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    @Test
    void shouldShowTheForwardPassQuantizedWeightsAndGiveTheFloatOnesBackForTheUpdate() {
        try (CompressedModel model = trained.withTensors(trained.tensors(), Map.of())) {
            FakeQuantization hooks = new FakeQuantization(model.model(), INT4);
            List<NamedTensor> floats = model.tensors();

            hooks.beforeForward();
            List<NamedTensor> seen = model.tensors();
            hooks.beforeUpdate();

            for (int i = 0; i < floats.size(); i++) {
                NamedTensor t = floats.get(i);
                float[] expected = t.weight()
                        ? Quantizer.dequantize(Quantizer.quantize(t.values(), t.shape(), INT4)) : t.values();
                assertArrayEquals(expected, seen.get(i).values(), t.name());
                assertArrayEquals(t.values(), model.tensors().get(i).values(), t.name());
            }
        }
    }

    @Test
    void shouldRecoverAccuracyThatPostTrainingInt4QuantizationLoses() {
        double posttraining = accuracyAfter(Map.of());
        double aware = accuracyAfter(Map.of("quantize.qat_epochs", 1, "quantize.qat_learning_rate", 1e-3));

        assertTrue(aware > posttraining, "QAT " + aware + " vs post-training " + posttraining);
    }

    @Test
    void shouldKeepPrunedWeightsAtZero() {
        List<NamedTensor> sparse = new ArrayList<>();
        for (NamedTensor t : trained.tensors()) {
            float[] values = t.values();
            for (int i = 0; t.weight() && i < values.length; i += 2) {
                values[i] = 0f;
            }
            sparse.add(new NamedTensor(t.name(), t.shape(), t.weight(), values));
        }
        StepContext context = context(Map.of("quantize.qat_epochs", 1));

        try (CompressedModel out = new Quantization().apply(trained.withTensors(sparse, Map.of()), context)) {
            for (NamedTensor t : out.tensors()) {
                for (int i = 0; t.weight() && i < t.values().length; i += 2) {
                    assertEquals(0f, t.values()[i], t.name() + "[" + i + "]");
                }
            }
        }
    }

    @Test
    void shouldRefuseNegativeEpochs() {
        CompressedModel input = trained.withTensors(trained.tensors(), Map.of());
        try (input) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Quantization().apply(input, context(Map.of("quantize.qat_epochs", -1))));

            assertTrue(e.getMessage().contains("qat_epochs must be >= 0, but got -1"), e.getMessage());
        }
    }

    private static double accuracyAfter(Map<String, Object> qat) {
        try (CompressedModel out = new Quantization().apply(trained.withTensors(trained.tensors(), Map.of()),
                context(qat))) {
            return ClassificationMetrics.accuracy(DATA.test().labels(),
                    Inference.argMax(Inference.logits(out.model(), DATA.test(), 10, 256), 10));
        }
    }

    private static StepContext context(Map<String, Object> extra) {
        Map<String, Object> params = new HashMap<>(INT4_PARAMS);
        params.putAll(extra);
        return new StepContext(DATA, null, new StepParams(params), 6L, ProgressListener.none());
    }
}
