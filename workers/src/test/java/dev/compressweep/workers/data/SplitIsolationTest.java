package dev.compressweep.workers.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.compressweep.workers.Fixtures;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.CompressionChain;
import dev.compressweep.workers.compress.NamedTensor;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.compress.TeacherLogits;
import dev.compressweep.workers.eval.EvaluationSettings;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.onnx.OnnxMeasurement;
import dev.compressweep.workers.onnx.OnnxModel;
import dev.compressweep.workers.onnx.OnnxRunner;
import dev.compressweep.workers.onnx.QuantizedExecution;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Choose on validation, report on test: the validation split is carved from the training data, and nothing that
 * trains, distils, fine-tunes or calibrates reads it or the test split. The proof poisons both with NaN pixels:
 * one NaN reaching a gradient, a pruning score or an activation range would make weights or the deployed graph's
 * outputs NaN.
 */
class SplitIsolationTest {

    @TempDir
    Path tmp;

    @Test
    void shouldCarveADisjointStratifiedSeededValidationSplitFromTheTrainingExamples() {
        ImageDataset all = Fixtures.fashion(2000, 100);

        ImageDataset split = all.withValidation(0.1, 3);

        assertEquals(1800, split.train().size());
        assertEquals(200, split.validation().size());
        assertEquals(all.test().size(), split.test().size());
        int[] perClass = new int[all.classes()];
        int[] trainPerClass = new int[all.classes()];
        Arrays.stream(split.validation().labels()).forEach(label -> perClass[label]++);
        Arrays.stream(all.train().labels()).forEach(label -> trainPerClass[label]++);
        for (int c = 0; c < all.classes(); c++) {
            assertEquals(trainPerClass[c] / 10.0, perClass[c], 1.0, "class " + c);
        }
        Set<String> training = images(split.train());
        images(split.validation()).forEach(image -> assertTrue(!training.contains(image), "a validation image trains"));
        assertEquals(images(split.validation()), images(all.withValidation(0.1, 3).validation()));
        assertNotEquals(images(split.validation()), images(all.withValidation(0.1, 4).validation()));
        assertEquals(37, all.withValidation(37, 3).validation().size());
    }

    @Test
    void shouldTrainDistilPruneAndCalibrateOnTheTrainingSplitOnly() {
        ImageDataset clean = Fixtures.fashion(2000, 100).withValidation(0.1, 3);
        ImageDataset poisoned = new ImageDataset(clean.name(), clean.classes(), clean.train(), nan(clean.validation()),
                nan(clean.test()), clean.preprocessing());
        StepParams params = new StepParams(Map.of("distill.student", "mlp", "distill.width", 16, "distill.epochs", 1,
                "prune.sparsity", 0.5, "prune.finetune_epochs", 1, "quantize.qat_epochs", 1));
        try (CompressedModel teacher = Fixtures.trained(Architecture.of("mlp", 32, 1), 1, 5)) {
            float[] logits = Inference.logits(teacher.model(), clean.train(), clean.classes(), 256);
            StepContext context = new StepContext(poisoned, new TeacherLogits(clean.train().size(), clean.classes(),
                    logits), params, 5L, ProgressListener.none());
            try (CompressedModel result = CompressionChain.of(List.of("distill", "prune", "quantize"))
                    .apply(Fixtures.trained(Architecture.of("mlp", 32, 1), 1, 5), context)) {
                for (NamedTensor tensor : result.tensors()) {
                    for (float value : tensor.values()) {
                        assertTrue(Float.isFinite(value), tensor.name() + " saw a validation or test example");
                    }
                }
                OnnxMeasurement deployed = new QuantizedExecution(new EvaluationSettings(5, 20, 256), 1)
                        .evaluate(result, poisoned, tmp.resolve("deployed.onnx"), params, 5L);
                try (OnnxRunner runner = OnnxRunner.open(OnnxModel.read(deployed.onnxFile()), 1)) {
                    for (float value : runner.predict(clean.train().images(0, 20), 20)) {
                        assertTrue(Float.isFinite(value), "calibration saw a validation or test example");
                    }
                }
            }
        }
    }

    private static ImageSplit nan(ImageSplit split) {
        float[] pixels = new float[split.size() * split.shape().pixels()];
        Arrays.fill(pixels, Float.NaN);
        return new ImageSplit(split.shape(), pixels, split.labels());
    }

    private static Set<String> images(ImageSplit split) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < split.size(); i++) {
            out.add(Arrays.toString(split.images(i, i + 1)));
        }
        return out;
    }
}
