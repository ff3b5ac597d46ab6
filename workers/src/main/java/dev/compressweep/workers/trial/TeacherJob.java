package dev.compressweep.workers.trial;

import dev.compressweep.workers.artifact.ModelArtifact;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.TeacherLogits;
import dev.compressweep.workers.data.Datasets;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.data.text.TextPreprocessing;
import dev.compressweep.workers.eval.Evaluation;
import dev.compressweep.workers.eval.EvaluationSettings;
import dev.compressweep.workers.model.Architecture;
import dev.compressweep.workers.model.Inference;
import dev.compressweep.workers.model.Objective;
import dev.compressweep.workers.model.Training;
import dev.compressweep.workers.onnx.FloatExecution;
import dev.compressweep.workers.onnx.OnnxMeasurement;
import dev.compressweep.workers.model.TrainingSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Produces a sweep's teacher once: trains it from {@link TrialSpec#teacher()} (or loads the artifact at
 * {@code teacher.path()}; a model trained elsewhere is imported by {@link ImportedTeacherJob} instead, with no
 * {@code teacher.cwm}), writes {@code teacher/teacher.cwm} (float32), computes its logits on the
 * training split once ({@code teacher/logits.bin}), deploys it as {@code teacher/teacher.onnx} and measures that
 * file on ONNX Runtime like every trial ({@link FloatExecution}: validation and test splits), and finally writes
 * {@code teacher/metrics.json} with the spec's hash. When those files exist with the same hash they are
 * reused (resume). Run it in one process at a time per work folder.
 */
public final class TeacherJob {

    private static final int LOGIT_BATCH = 256;

    private final EvaluationSettings settings;

    public TeacherJob(EvaluationSettings settings) {
        this.settings = settings;
    }

    /** Runs (or reuses) the teacher of {@code spec}, reporting training epochs to {@code progress}. */
    public TeacherResult run(TrialSpec spec, ProgressListener progress) {
        WorkDir dir = WorkDir.of(spec);
        String hash = SpecHash.teacher(spec);
        Optional<TeacherRecord> existing = TeacherRecord.read(dir.teacherRecord());
        if (existing.isPresent() && existing.get().specHash().equals(hash)
                && (spec.teacher().trainedElsewhere() || Files.isRegularFile(dir.teacherModel()))
                && Files.isRegularFile(dir.teacherLogits())
                && Files.isRegularFile(dir.teacherOnnx())) {
            if (!Files.isRegularFile(dir.teacherPreprocessing())) {
                write(Datasets.preprocessing(spec.dataset()), dir);
            }
            return new TeacherResult(existing.get().metrics(), Map.of(), dir.teacherOnnx(), true);
        }
        delete(dir.teacherRecord());
        ImageDataset data = Datasets.load(spec.dataset());
        OnnxMeasurement deployed = spec.teacher().trainedElsewhere()
                ? new ImportedTeacherJob(settings).run(spec, data, dir)
                : trained(spec, data, dir, progress);
        write(data.preprocessing(), dir);
        Map<String, Double> metrics = new LinkedHashMap<>(deployed.evaluation().toMetrics());
        metrics.putAll(deployed.metrics());
        metrics.put(Evaluation.ACCURACY_DROP, 0.0);
        metrics.put(Evaluation.TEST_ACCURACY_DROP, 0.0);
        metrics.put(Evaluation.COMPRESSION_RATIO, 1.0);
        metrics.put(Evaluation.STORAGE_BYTES, (double) WorkDir.size(Files.isRegularFile(dir.teacherModel())
                ? dir.teacherModel() : dir.teacherOnnx()));
        metrics.put(Evaluation.TEACHER_LATENCY_P50_MS, deployed.evaluation().latencyP50Ms());
        metrics.put(Evaluation.SPEEDUP, 1.0);
        Evaluation.requireFinite(metrics);
        new TeacherRecord(hash, data.name(), data.train().size(), data.test().size(), metrics)
                .write(dir.teacherRecord());
        return new TeacherResult(metrics, deployed.tags(), dir.teacherOnnx(), false);
    }

    /** Trains (or loads) the project's own teacher network, writes its artifact and logits, deploys and measures it. */
    private OnnxMeasurement trained(TrialSpec spec, ImageDataset data, WorkDir dir, ProgressListener progress) {
        try (CompressedModel teacher = obtain(spec, data, progress)) {
            ModelArtifact.write(dir.teacherModel(), teacher);
            float[] logits = Inference.logits(teacher.model(), data.train(), data.classes(), LOGIT_BATCH);
            TeacherLogits file = new TeacherLogits(data.train().size(), data.classes(), logits);
            WorkDir.replace(dir.teacherLogits(), file::write);
            return new FloatExecution(settings, spec.threads()).evaluate(teacher, data, dir.teacherOnnx());
        }
    }

    /** Writes how raw input becomes model input, for the data sets that need it (text). */
    private static void write(Optional<TextPreprocessing> preprocessing, WorkDir dir) {
        preprocessing.ifPresent(p -> WorkDir.replace(dir.teacherPreprocessing(), p::write));
    }

    private static CompressedModel obtain(TrialSpec spec, ImageDataset data, ProgressListener progress) {
        TeacherSpec t = spec.teacher();
        if (t.path() != null && !t.path().isBlank()) {
            CompressedModel loaded = ModelArtifact.load(Path.of(t.path()));
            if (loaded.classes() != data.classes() || !loaded.inputShape().equals(data.shape())) {
                loaded.close();
                throw new IllegalArgumentException("the teacher artifact " + t.path() + " takes " + loaded.inputShape()
                        + " into " + loaded.classes() + " classes, but " + data.name() + " has " + data.shape()
                        + " and " + data.classes() + " classes");
            }
            return loaded;
        }
        Architecture architecture = Architecture.of(t.architecture(), t.width(), t.depth());
        CompressedModel teacher = CompressedModel.create(architecture, data.classes(), data.shape(), spec.seed());
        try {
            Training.train(teacher.model(), data.train(),
                    new TrainingSettings(t.epochs(), t.batchSize(), t.learningRate(), spec.seed()),
                    Objective.crossEntropy(),
                    (epoch, loss, seconds) -> progress.report("teacher",
                            Map.of("epoch", (double) epoch, "loss", loss, "epoch_seconds", seconds)));
            return teacher;
        } catch (RuntimeException e) {
            teacher.close();
            throw e;
        }
    }

    /** Removes a stale teacher file (a record of another spec, an artifact of another kind of teacher). */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the stale teacher file " + file, e);
        }
    }
}
