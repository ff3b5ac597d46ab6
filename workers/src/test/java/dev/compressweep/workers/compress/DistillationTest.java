package dev.compressweep.workers.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.eval.ClassificationMetrics;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DistillationTest {

    static final ImageDataset DATA = Fixtures.fashion(2000, 500);
    static TeacherLogits teacherLogits;

    @BeforeAll
    static void trainATeacher() {
        try (CompressedModel teacher = Fixtures.trained(Architecture.of("mlp", 128, 1), 2, 5L)) {
            teacherLogits = new TeacherLogits(DATA.train().size(), 10,
                    Inference.logits(teacher.model(), DATA.train(), 10, 256));
        }
    }

    @Test
    void shouldDistillAnMlpAboveSixtyPercentAccuracyInOneEpochOnTwoThousandImages() {
        List<Map<String, Double>> reports = new ArrayList<>();
        StepContext context = new StepContext(DATA, teacherLogits, new StepParams(Map.of(
                "distill.student", "mlp", "distill.width", 32, "distill.depth", 1, "distill.epochs", 1,
                "distill.temperature", 4.0, "distill.alpha", 0.5, "distill.learning_rate", 2e-3,
                "distill.batch_size", 64)), 9L, (step, metrics) -> reports.add(metrics));
        CompressedModel input = CompressedModel.create(Architecture.of("mlp", 8, 1), 10, DATA.shape(), 1L);

        try (CompressedModel student = new Distillation().apply(input, context)) {
            int[] predicted = Inference.argMax(Inference.logits(student.model(), DATA.test(), 10, 256), 10);
            double accuracy = ClassificationMetrics.accuracy(DATA.test().labels(), predicted);

            assertTrue(accuracy > 0.6, "accuracy " + accuracy);
            assertEquals(Architecture.of("mlp", 32, 1), student.architecture());
            assertEquals(1, reports.size());
            assertEquals(1.0, reports.get(0).get("epoch"));
            assertTrue(Double.isFinite(reports.get(0).get("loss")));
        }
    }

    @Test
    void shouldRefuseAnInvalidAlphaBeforeTraining() {
        StepContext context = new StepContext(DATA, teacherLogits,
                new StepParams(Map.of("distill.alpha", 2)), 9L, ProgressListener.none());
        try (CompressedModel input = CompressedModel.create(Architecture.of("mlp", 8, 1), 10, DATA.shape(), 1L)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new Distillation().apply(input, context));

            assertTrue(e.getMessage().contains("alpha must lie in [0, 1], but got 2.0"), e.getMessage());
        }
    }

    @Test
    void shouldRefuseTeacherLogitsFromAnotherSubset() {
        TeacherLogits wrong = new TeacherLogits(3, 10, new float[30]);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StepContext(
                DATA, wrong, new StepParams(Map.of()), 1L, ProgressListener.none()));

        assertTrue(e.getMessage().contains("(2000x10), but got 3x10"), e.getMessage());
    }
}
