package dev.compressweep.workers.compress.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PruningTest {

    static final ImageDataset DATA = Fixtures.fashion(200, 50);

    @Test
    void shouldReachTheRequestedSparsityExactlyInEveryLayer() {
        CompressedModel input = cnn();
        List<NamedTensor> before = input.tensors();

        try (CompressedModel out = prune(input, Map.of("prune.sparsity", 0.7, "prune.finetune_epochs", 0))) {
            for (int i = 0; i < before.size(); i++) {
                NamedTensor t = out.tensors().get(i);
                if (t.weight()) {
                    assertEquals(Math.round(0.7 * t.values().length), zeros(t.values()), t.name());
                } else {
                    assertArrayEquals(before.get(i).values(), t.values(), "biases are not pruned");
                }
            }
        }
    }

    @Test
    void shouldReachTheRequestedSparsityExactlyOverAllWeightsWithGlobalScope() {
        try (CompressedModel out = prune(cnn(), Map.of("prune.sparsity", 0.6, "prune.scope", "global",
                "prune.finetune_epochs", 0))) {
            long weights = 0;
            long zeros = 0;
            List<Double> perLayer = new ArrayList<>();
            for (NamedTensor t : out.tensors()) {
                if (t.weight()) {
                    weights += t.values().length;
                    zeros += zeros(t.values());
                    perLayer.add((double) zeros(t.values()) / t.values().length);
                }
            }
            assertEquals(Math.round(0.6 * weights), zeros);
            assertTrue(perLayer.stream().distinct().count() > 1, "global ranking gives layers different sparsities: "
                    + perLayer);
            assertEquals((double) zeros / weights, Pruning.sparsity(out), 1e-12);
        }
    }

    @Test
    void shouldBreakTiesByPositionSoThatTheCountIsExact() {
        float[] first = {1f, -1f, 1f};
        float[] second = {-1f, 0.5f, 1f};

        MagnitudePruner.zeroSmallest(List.of(first, second), 0.5);

        assertArrayEquals(new float[] {0f, 0f, 1f}, first);
        assertArrayEquals(new float[] {-1f, 0f, 1f}, second);
    }

    @Test
    void shouldLeaveTheOutputsUnchangedAtSparsityZero() {
        CompressedModel input = cnn();
        float[] before = Inference.logits(input.model(), DATA.test(), 10, 64);

        try (CompressedModel out = prune(input, Map.of("prune.sparsity", 0, "prune.finetune_epochs", 0))) {
            assertArrayEquals(before, Inference.logits(out.model(), DATA.test(), 10, 64));
        }
    }

    @Test
    void shouldKeepPrunedWeightsAtZeroWhileFineTuning() {
        List<String> steps = new ArrayList<>();
        StepContext context = new StepContext(DATA, null, new StepParams(Map.of("prune.sparsity", 0.8,
                "prune.finetune_epochs", 1)), 3L, (step, metrics) -> steps.add(step + metrics.keySet()));
        try (CompressedModel unTuned = prune(cnn(), Map.of("prune.sparsity", 0.8, "prune.finetune_epochs", 0));
                CompressedModel tuned = new Pruning().apply(cnn(), context)) {
            List<NamedTensor> before = unTuned.tensors();
            List<NamedTensor> after = tuned.tensors();
            for (int i = 0; i < after.size(); i++) {
                float[] a = before.get(i).values();
                float[] b = after.get(i).values();
                int moved = 0;
                for (int j = 0; j < a.length; j++) {
                    if (after.get(i).weight()) {
                        assertEquals(a[j] == 0f, b[j] == 0f, "zero pattern of " + after.get(i).name());
                    }
                    moved += a[j] != b[j] ? 1 : 0;
                }
                assertTrue(moved > 0, "fine-tuning changed " + after.get(i).name());
            }
            assertEquals(2, steps.size(), steps.toString());
            assertTrue(steps.get(0).contains("finetune_epoch") && steps.get(1).contains("sparsity"), steps.toString());
        }
    }

    @Test
    void shouldEndTheIterativeScheduleExactlyAtTheTargetAfterGrowingRounds() {
        List<Double> rounds = new ArrayList<>();
        StepContext context = new StepContext(DATA, null, new StepParams(Map.of("prune.sparsity", 0.8,
                "prune.schedule", "iterative", "prune.iterations", 4, "prune.finetune_epochs", 0)), 1L,
                (step, metrics) -> rounds.add(metrics.get("sparsity")));

        try (CompressedModel out = new Pruning().apply(cnn(), context)) {
            assertEquals(4, rounds.size());
            for (int i = 1; i < rounds.size(); i++) {
                assertTrue(rounds.get(i) > rounds.get(i - 1), "rounds " + rounds);
            }
            assertEquals(0.8, rounds.get(3), 1e-3);
            assertEquals(rounds.get(3), Pruning.sparsity(out), 1e-12);
        }
    }

    @Test
    void shouldRefuseSettingsOutOfRangeNamingTheKnobAndValue() {
        StepContext tooSparse = new StepContext(DATA, null, new StepParams(Map.of("prune.sparsity", 0.99)), 1L,
                ProgressListener.none());
        StepParams badScope = new StepParams(Map.of("prune.scope", "model"));

        IllegalArgumentException sparsity = assertThrows(IllegalArgumentException.class,
                () -> new Pruning().apply(cnn(), tooSparse));
        IllegalArgumentException scope = assertThrows(IllegalArgumentException.class,
                () -> PruneSettings.from(badScope));

        assertEquals("prune.sparsity must lie in [0, 0.95], but got 0.99", sparsity.getMessage());
        assertEquals("prune.scope must be global or layer, but got 'model'", scope.getMessage());
    }

    @Test
    void shouldUseTheDocumentedDefaults() {
        PruneSettings defaults = PruneSettings.from(new StepParams(Map.of()));

        assertEquals(new PruneSettings(0.5, false, false, 1, 1, 1e-3), defaults);
        assertEquals(3, PruneSettings.from(new StepParams(Map.of("prune.schedule", "iterative"))).iterations());
    }

    static CompressedModel cnn() {
        return CompressedModel.create(Architecture.of("cnn", 4, 2), 10, DATA.shape(), 2L);
    }

    static CompressedModel prune(CompressedModel input, Map<String, Object> params) {
        return new Pruning().apply(input, new StepContext(DATA, null, new StepParams(params), 1L,
                ProgressListener.none()));
    }

    static long zeros(float[] values) {
        long n = 0;
        for (float v : values) {
            n += v == 0f ? 1 : 0;
        }
        return n;
    }
}
