package dev.compressweep.workers.compress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.eval.ClassificationMetrics;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.ColourImages;
import dev.compressweep.workers.model.Inference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ResNetStudentTest {

    static final ImageDataset DATA = ColourImages.DATA;
    static final Architecture TEACHER = Architecture.of("resnet", 8, 2);
    static TeacherLogits teacherLogits;

    @BeforeAll
    static void runTheTeacher() {
        try (CompressedModel teacher = ColourImages.trained(TEACHER)) {
            teacherLogits = new TeacherLogits(DATA.train().size(), 4,
                    Inference.logits(teacher.model(), DATA.train(), 4, 64));
        }
    }

    @Test
    void shouldDistillAResnetStudentWithAHintFromAResnetTeacher() {
        List<Map<String, Double>> reports = new ArrayList<>();
        StepContext context = new StepContext(DATA, teacherLogits, new StepParams(Map.of("distill.student", "resnet",
                "distill.width", 4, "distill.depth", 2, "distill.epochs", 3, "distill.batch_size", 32,
                "distill.learning_rate", 3e-3, "distill.hint_weight", 0.5)), 9L,
                (step, metrics) -> reports.add(metrics));

        try (CompressedModel student = new Distillation().apply(ColourImages.trained(TEACHER), context)) {
            int[] predicted = Inference.argMax(Inference.logits(student.model(), DATA.test(), 4, 64), 4);

            assertEquals(Architecture.of("resnet", 4, 2), student.architecture());
            assertTrue(ClassificationMetrics.accuracy(DATA.test().labels(), predicted) > 0.4,
                    "accuracy " + ClassificationMetrics.accuracy(DATA.test().labels(), predicted));
            assertTrue(reports.get(reports.size() - 1).get("hint_relative_error") < 1, reports.toString());
        }
    }

    @Test
    void shouldQuantizeAResnetAfterQuantAwareFineTuningLeavingNormalisationsFloat() {
        StepContext context = new StepContext(DATA, teacherLogits, new StepParams(Map.of("quantize.bits", 4,
                "quantize.qat_epochs", 1)), 9L, ProgressListener.none());

        try (CompressedModel model = new Quantization().apply(ColourImages.trained(TEACHER), context)) {
            // six convolutions and the classifier; gamma, beta and the running statistics stay float
            assertEquals(7, model.quantized().size());
            assertFalse(model.quantized().keySet().stream().anyMatch(name -> name.contains("BatchNorm")));
            assertEquals(model.tensors().size(), model.beforeQuantization().size());
            float[] logits = Inference.logits(model.model(), DATA.test(), 4, 64);
            for (float v : logits) {
                assertTrue(Float.isFinite(v));
            }
        }
    }
}
