package dev.compressweep.workers.trial;

import dev.compressweep.workers.artifact.ModelArtifact;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.CompressionChain;
import dev.compressweep.workers.compress.Distillation;
import dev.compressweep.workers.compress.ProgressListener;
import dev.compressweep.workers.compress.StepContext;
import dev.compressweep.workers.compress.StepParams;
import dev.compressweep.workers.compress.TeacherLogits;
import dev.compressweep.workers.data.Datasets;
import dev.compressweep.workers.data.ImageDataset;
import dev.compressweep.workers.eval.Evaluation;
import dev.compressweep.workers.eval.EvaluationSettings;
import dev.compressweep.workers.eval.Evaluator;
import dev.compressweep.workers.event.ArtifactUri;
import dev.compressweep.workers.event.EventPublisher;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import dev.compressweep.workers.model.Seeds;
import dev.compressweep.workers.onnx.FloatExecution;
import dev.compressweep.workers.onnx.OnnxMeasurement;
import dev.compressweep.workers.onnx.OnnxModel;
import dev.compressweep.workers.onnx.OnnxRunner;
import dev.compressweep.workers.onnx.QuantizedExecution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one trial in this JVM and reports it: STARTED (params and provenance tags), PROGRESS per epoch or
 * step, then FINISHED (measured metrics, the artifact's {@code file:} URI) or FAILED (a one-line reason) for any exception.
 * A teacher trial runs the {@link TeacherJob}; a compression trial applies its chain to a copy of the
 * teacher (an imported teacher's chain runs on its own graph, {@link GraphTrial}, unless it starts by distilling),
 * deploys the result as an ONNX file (int8 QDQ when the chain ends in {@code quantize},
 * {@link QuantizedExecution}; float otherwise, {@link FloatExecution}) and measures that file on the validation
 * and test splits against the teacher's record; the teacher's own file is timed beside it. DJL trains one model per JVM at a time: run
 * trials sequentially in a process. Not thread-safe.
 */
public final class TrialRunner {

    /**
     * The metric numbering a trial's progress reports 1, 2, ... across all its phases (teacher or distillation epochs,
     * fine-tuning epochs, ...): the x axis of its histories, so no two points of one metric share a step (the final
     * metrics are at step 0).
     */
    public static final String PROGRESS_STEP = "step";

    private static final Logger LOG = LoggerFactory.getLogger(TrialRunner.class);

    private final EvaluationSettings settings;

    public TrialRunner() {
        this(EvaluationSettings.defaults());
    }

    public TrialRunner(EvaluationSettings settings) {
        this.settings = settings;
    }

    /**
     * Runs {@code spec}, publishing its events.
     *
     * @return the terminal event that was published
     * @throws dev.compressweep.workers.event.EventPublishException when the terminal event cannot be published
     *     (STARTED and PROGRESS are offered: a broker outage does not stop the trial)
     */
    public TrialEvent run(TrialSpec spec, EventPublisher publisher) {
        Map<String, String> tags = Provenance.base(spec);
        publisher.offer(TrialEvents.of(spec, EventType.STARTED, Map.of(), tags, null, null));
        AtomicLong reports = new AtomicLong();
        ProgressListener progress = (step, metrics) -> {
            Map<String, Double> numbered = new LinkedHashMap<>(metrics);
            numbered.put(PROGRESS_STEP, (double) reports.incrementAndGet());
            publisher.offer(TrialEvents.of(spec, EventType.PROGRESS, numbered, Map.of("step", step), null, null));
        };
        TrialEvent terminal;
        try {
            terminal = spec.role() == TrialRole.TEACHER ? teacher(spec, tags, progress) : compress(spec, tags, progress);
        } catch (RuntimeException e) {
            LOG.warn("trial {} failed", spec.trialId(), e);
            terminal = TrialEvents.of(spec, EventType.FAILED, Map.of(), tags, null, TrialEvents.reason(e));
        }
        publisher.publish(terminal);
        return terminal;
    }

    private TrialEvent teacher(TrialSpec spec, Map<String, String> base, ProgressListener progress) {
        TeacherResult result = new TeacherJob(settings).run(spec, progress);
        Map<String, String> tags = new LinkedHashMap<>(base);
        tags.putAll(Provenance.engine());
        tags.putAll(result.tags());
        tags.put("teacher.reused", Boolean.toString(result.reused()));
        tags.put("teacher.spec_hash", SpecHash.teacher(spec));
        return TrialEvents.of(spec, EventType.FINISHED, result.metrics(), tags, ArtifactUri.of(result.artifact()), null);
    }

    private TrialEvent compress(TrialSpec spec, Map<String, String> base, ProgressListener progress) {
        ImageDataset data = Datasets.load(spec.dataset());
        WorkDir dir = WorkDir.of(spec);
        boolean imported = spec.teacher().trainedElsewhere();
        TeacherRecord teacher = TeacherRecord.read(dir.teacherRecord())
                .filter(r -> Files.isRegularFile(dir.teacherOnnx()) && Files.isRegularFile(dir.teacherLogits())
                        && (imported || Files.isRegularFile(dir.teacherModel())))
                .orElseThrow(() -> new IllegalStateException("teacher artifacts not found in "
                        + dir.teacherOnnx().getParent() + ": run the sweep's teacher job first"));
        teacher.requireSameData(data);
        StepContext context = new StepContext(data, TeacherLogits.read(dir.teacherLogits()),
                new StepParams(spec.params()), spec.seed(), progress);
        Seeds.apply(spec.seed());
        Map<String, String> tags = new LinkedHashMap<>(base);
        tags.putAll(Provenance.engine());
        tags.put("teacher.spec_hash", teacher.specHash());
        Deployed deployed = imported && !spec.chain().get(0).equals(Distillation.NAME)
                ? new GraphTrial(settings).run(spec, data, dir, context)
                : student(spec, data, dir, context, imported);
        tags.putAll(deployed.tags());
        Evaluation evaluation = deployed.measurement().evaluation();
        Map<String, Double> metrics = new LinkedHashMap<>(evaluation.toMetrics());
        metrics.putAll(deployed.measurement().metrics());
        metrics.put(Evaluation.ACCURACY_DROP, teacher.metric(Evaluation.ACCURACY) - evaluation.accuracy());
        metrics.put(Evaluation.TEST_ACCURACY_DROP, teacher.metric(Evaluation.TEST_PREFIX + Evaluation.ACCURACY)
                - metrics.get(Evaluation.TEST_PREFIX + Evaluation.ACCURACY));
        metrics.put(Evaluation.COMPRESSION_RATIO, teacher.metric(Evaluation.SIZE_BYTES) / evaluation.sizeBytes());
        metrics.put(Evaluation.STORAGE_BYTES, (double) WorkDir.size(deployed.storage()));
        double teacherLatency = teacherLatency(dir, data, spec.threads());
        metrics.put(Evaluation.TEACHER_LATENCY_P50_MS, teacherLatency);
        metrics.put(Evaluation.SPEEDUP, teacherLatency / evaluation.latencyP50Ms());
        Evaluation.requireFinite(metrics);
        return TrialEvents.of(spec, EventType.FINISHED, metrics, tags,
                ArtifactUri.of(deployed.measurement().onnxFile()), null);
    }

    /**
     * Applies the chain to a copy of the teacher network (or, for an imported teacher, distils a student from its
     * logits first) and deploys the result: int8 QDQ when the chain ends in {@code quantize}, float otherwise.
     */
    private Deployed student(TrialSpec spec, ImageDataset data, WorkDir dir, StepContext context, boolean imported) {
        CompressionChain chain = CompressionChain.of(spec.chain());
        try (CompressedModel result = chain.apply(imported ? null : ModelArtifact.load(dir.teacherModel()),
                context)) {
            Path storage = dir.trialArtifact(spec.trialId());
            ModelArtifact.write(storage, result);
            Path onnx = dir.trialOnnx(spec.trialId());
            boolean int8 = QuantizedExecution.appliesTo(spec.chain(), context.params(), result);
            OnnxMeasurement measurement = int8
                    ? new QuantizedExecution(settings, spec.threads())
                            .evaluate(result, data, onnx, context.params(), spec.seed())
                    : new FloatExecution(settings, spec.threads()).evaluate(result, data, onnx);
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("architecture", result.architecture().toString());
            if (result.isQuantized() && !int8) {
                tags.put("weights_only_quantization", "true");
                tags.put("quantized_execution", "dequantized_float");
            }
            tags.putAll(measurement.tags());
            return new Deployed(measurement, storage, tags);
        }
    }

    /** The teacher's deployed file timed here, right after the trial's own: the same runtime, threads and load. */
    private double teacherLatency(WorkDir dir, ImageDataset data, int threads) {
        try (OnnxRunner runner = OnnxRunner.open(OnnxModel.read(dir.teacherOnnx()), threads)) {
            return new Evaluator(settings).latencyP50Ms(runner::predict, data.validation());
        }
    }
}
