package dev.compressweep.workers.trial;

import ai.onnx.proto.OnnxMl.ModelProto;
import dev.compressweep.workers.compress.TeacherLogits;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.eval.EvaluationSettings;
import dev.compressweep.workers.eval.Evaluator;
import dev.compressweep.workers.model.ModelStats;
import dev.compressweep.workers.onnx.OnnxMeasurement;
import dev.compressweep.workers.onnx.OnnxModel;
import dev.compressweep.workers.onnx.OnnxRunner;
import dev.compressweep.workers.onnx.graph.AdaptedTeacher;
import dev.compressweep.workers.onnx.graph.GraphStats;
import dev.compressweep.workers.onnx.graph.OnnxFiles;
import dev.compressweep.workers.onnx.graph.TeacherGraph;
import dev.compressweep.workers.onnx.graph.TeacherHints;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The teacher job of a model trained elsewhere ({@link TeacherSpec#imported()}): reads the user's ONNX file, adapts
 * it to this project's input and output ({@link TeacherGraph}: the declared hints, else the file, else a sample of
 * training examples tell the layout and whether it outputs probabilities), writes the result as
 * {@code teacher/teacher.onnx}, computes its logits on the training split with ONNX Runtime and measures that file
 * like every trial's. The user's file itself is never changed. Not thread-safe.
 */
final class ImportedTeacherJob {

    private static final int LOGIT_BATCH = 256;
    private static final int SAMPLE = 64;

    private final EvaluationSettings settings;

    ImportedTeacherJob(EvaluationSettings settings) {
        this.settings = settings;
    }

    /** Adapts, runs and measures the teacher of {@code spec} on {@code data}, writing its files into {@code dir}. */
    OnnxMeasurement run(TrialSpec spec, ImageDataset data, WorkDir dir) {
        TeacherJob.delete(dir.teacherModel());
        ImportedTeacher declared = spec.teacher().imported();
        ModelProto file = OnnxFiles.read(Path.of(spec.teacher().path()));
        AdaptedTeacher adapted = TeacherGraph.adapt(file, data.shape(), data.classes(),
                TeacherHints.of(declared.inputShape(), declared.layout(), declared.outputs()),
                data.train().images(0, Math.min(SAMPLE, data.train().size())));
        OnnxModel model = adapted.onnx();
        try (OnnxRunner runner = OnnxRunner.open(model, spec.threads())) {
            float[] logits = new float[Math.multiplyExact(data.train().size(), data.classes())];
            for (int from = 0; from < data.train().size(); from += LOGIT_BATCH) {
                int to = Math.min(data.train().size(), from + LOGIT_BATCH);
                float[] batch = runner.predict(data.train().images(from, to), to - from);
                System.arraycopy(batch, 0, logits, from * data.classes(), batch.length);
            }
            TeacherLogits teacherLogits = new TeacherLogits(data.train().size(), data.classes(), logits);
            WorkDir.replace(dir.teacherLogits(), teacherLogits::write);
        }
        Map<String, String> tags = new LinkedHashMap<>();
        adapted.tags().forEach((k, v) -> tags.put("teacher." + k, v));
        tags.put("teacher.format", declared.format());
        tags.put("architecture", "imported " + declared.format());
        tags.put("deployed_precision", "float32");
        ModelStats stats = GraphStats.of(adapted.model(), data.shape().pixels());
        return OnnxMeasurement.measure(new Evaluator(settings), model, dir.teacherOnnx(), data, spec.threads(),
                stats.parameters(), stats, Map.of(), tags);
    }
}
