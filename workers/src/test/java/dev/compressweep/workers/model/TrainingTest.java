package dev.compressweep.workers.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageDataset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingTest {

    final ImageDataset data = Fixtures.fashion(2000, 500);

    @Test
    void shouldFailWithEpochAndBatchWhenTheLossIsNotFinite() {
        try (CompressedModel mlp = CompressedModel.create(Architecture.of("mlp", 8, 1), 10, data.shape(), 1L)) {
            int[] calls = {0};
            Objective nanOnThirdBatch = (logits, labels, indices) ->
                    ++calls[0] == 3 ? logits.sum().mul(Float.NaN) : Objective.crossEntropy().loss(logits, labels, indices);

            TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> Training.train(
                    mlp.model(), data.train(), new TrainingSettings(1, 100, 1e-3, 1L), nanOnThirdBatch,
                    EpochListener.none()));

            assertEquals(1, e.epoch());
            assertEquals(3, e.batch());
            assertTrue(Double.isNaN(e.value()));
            assertEquals("training diverged: loss NaN at epoch 1, batch 3", e.getMessage());
        }
    }

    @Test
    void shouldGiveIdenticalWeightsForTheSameSeed() {
        float[] first = trainOnce(7L);
        float[] second = trainOnce(7L);

        assertArrayEquals(first, second);
    }

    @Test
    void shouldReportEachEpochWithAFiniteFallingLoss() {
        List<Double> losses = new ArrayList<>();
        try (CompressedModel mlp = CompressedModel.create(Architecture.of("mlp", 32, 1), 10, data.shape(), 3L)) {
            TrainingSummary summary = Training.train(mlp.model(), data.train(), new TrainingSettings(2, 64, 1e-3, 3L),
                    Objective.crossEntropy(), (epoch, loss, seconds) -> losses.add(loss));

            assertEquals(2, losses.size());
            assertTrue(losses.get(1) < losses.get(0), "losses " + losses);
            assertEquals(2 * 32, summary.steps());
            assertEquals(losses.get(1), summary.finalLoss());
        }
    }

    private float[] trainOnce(long seed) {
        try (CompressedModel mlp = CompressedModel.create(Architecture.of("mlp", 16, 1), 10, data.shape(), seed)) {
            Training.train(mlp.model(), data.train(), new TrainingSettings(1, 250, 1e-3, seed),
                    Objective.crossEntropy(), EpochListener.none());
            return mlp.tensors().get(0).values();
        }
    }
}
