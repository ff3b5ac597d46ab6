package dev.compressweep.workers.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.eval.ClassificationMetrics;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HintDistillationTest {

    static final ImageDataset DATA = Fixtures.fashion(2000, 500);
    static CompressedModel teacher;
    static TeacherLogits teacherLogits;

    @BeforeAll
    static void trainATeacher() {
        teacher = Fixtures.trained(Architecture.of("mlp", 128, 1), 2, 5L);
        teacherLogits = new TeacherLogits(DATA.train().size(), 10,
                Inference.logits(teacher.model(), DATA.train(), 10, 256));
    }

    @AfterAll
    static void closeTheTeacher() {
        teacher.close();
    }

    @Test
    void shouldReturnTheStudentsOwnLogitsAndFeaturesOfTheTeachersWidth() {
        try (CompressedModel student = CompressedModel.create(Architecture.of("mlp", 16, 1), 10, DATA.shape(), 3L);
                Model hinted = Model.newInstance("hinted");
                NDManager manager = NDManager.newBaseManager()) {
            long parameters = student.parameterCount();
            hinted.setBlock(new HintedStudent(student.model().getBlock(), 128));
            hinted.getBlock().initialize(hinted.getNDManager(), DataType.FLOAT32,
                    new Shape(1, 1, 28, 28));
            NDList x = new NDList(manager.create(DATA.test().images(0, 4), new Shape(4, 1, 28, 28)));

            NDList out = hinted.getBlock().forward(new ParameterStore(manager, false), x, false);

            assertEquals(new Shape(4, 10), out.get(0).getShape());
            assertEquals(new Shape(4, 128), out.get(1).getShape());
            assertArrayEquals(Inference.forward(student.model(), DATA.test().images(0, 4), 4, DATA.shape()),
                    out.get(0).toFloatArray());
            assertEquals(parameters, student.parameterCount(), "the regressor is not part of the student");
        }
    }

    @Test
    void shouldTrainAPlainStudentWhosePenultimateFeaturesPredictTheTeachers() {
        Map<String, Double> reported = new HashMap<>();
        StepContext context = context(Map.of("distill.hint_weight", 1.0), reported);

        try (CompressedModel student = new Distillation().apply(copyOfTeacher(), context)) {
            double accuracy = ClassificationMetrics.accuracy(DATA.test().labels(),
                    Inference.argMax(Inference.logits(student.model(), DATA.test(), 10, 256), 10));

            assertTrue(accuracy > 0.6, "accuracy " + accuracy);
            assertEquals(Architecture.of("mlp", 32, 1), student.architecture());
            try (CompressedModel fresh = CompressedModel.create(Architecture.of("mlp", 32, 1), 10, DATA.shape(), 1L)) {
                assertEquals(fresh.parameterCount(), student.parameterCount());
            }
            double error = reported.get("hint_relative_error");
            assertTrue(error < 0.5, "a regressor of zeros scores 1; after training: " + error);
        }
    }

    @Test
    void shouldRefuseANegativeHintWeight() {
        StepContext context = context(Map.of("distill.hint_weight", -1.0), new HashMap<>());
        CompressedModel input = copyOfTeacher();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Distillation().apply(input, context));

        assertTrue(e.getMessage().contains("hint_weight must be a finite number > 0, but got -1.0"), e.getMessage());
    }

    private static CompressedModel copyOfTeacher() {
        return teacher.withTensors(teacher.tensors(), Map.of());
    }

    private static StepContext context(Map<String, Object> extra, Map<String, Double> reported) {
        Map<String, Object> params = new HashMap<>(Map.of("distill.student", "mlp", "distill.width", 32,
                "distill.epochs", 2, "distill.learning_rate", 2e-3, "distill.batch_size", 64));
        params.putAll(extra);
        return new StepContext(DATA, teacherLogits, new StepParams(params), 9L,
                (step, metrics) -> reported.putAll(metrics));
    }
}
