package dev.compressweep.workers.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.artifact.ModelArtifact;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.eval.Evaluation;
import dev.compressweep.workers.eval.EvaluationSettings;
import dev.compressweep.workers.eval.Evaluator;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.EpochListener;
import dev.compressweep.workers.model.Objective;
import dev.compressweep.workers.model.Training;
import dev.compressweep.workers.model.TrainingSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TF-IDF vectors through the existing model zoo, training and evaluation. */
class SpamAssassinTrainingTest {

    final ImageDataset data = SpamData.ALL;

    @TempDir
    Path dir;

    @Test
    void shouldReachASpamF1AboveNinetyPercentWithASmallMlpInTwoEpochs() {
        try (CompressedModel mlp = CompressedModel.create(Architecture.of("mlp", 64, 1), 2, data.shape(), 7L)) {
            Training.train(mlp.model(), data.train(), new TrainingSettings(2, 64, 1e-3, 7L), Objective.crossEntropy(),
                    EpochListener.none());
            Path file = dir.resolve("spam.cwm");
            ModelArtifact.write(file, mlp);

            Evaluation e = new Evaluator(new EvaluationSettings(5, 20, 256)).evaluate(mlp, data.test(), file);

            double f1 = e.f1().orElseThrow();
            assertTrue(f1 > 0.9, "spam F1 " + f1);
            assertEquals(f1, e.toMetrics().get(Evaluation.F1));
            assertTrue(e.accuracy() > 0.9, "accuracy " + e.accuracy());
        }
    }

    @Test
    void shouldRefuseACnnForVectorsOfOneRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompressedModel.create(Architecture.of("cnn", 8, 1), 2, data.shape(), 1L));

        assertEquals("a cnn of depth 1 needs images of at least 2 pixels a side, but got 1x5000", e.getMessage());
    }
}
