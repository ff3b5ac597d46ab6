package dev.compressweep.workers.trial;

import dev.compressweep.workers.artifact.ModelArtifact;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.CompressionChain;
import dev.compressweep.workers.compress.Distillation;
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
import dev.compressweep.workers.event.EventPublishers;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import dev.compressweep.workers.model.Seeds;
import dev.compressweep.workers.onnx.FloatExecution;
import dev.compressweep.workers.onnx.OnnxMeasurement;
import dev.compressweep.workers.onnx.OnnxModel;
import dev.compressweep.workers.onnx.OnnxRunner;
import dev.compressweep.workers.onnx.QuantizedExecution;
import dev.compressweep.workers.rung.DecisionFeed;
import dev.compressweep.workers.rung.Rungs;
import dev.compressweep.workers.rung.TrialStoppedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one trial in this JVM and reports it: STARTED (params and provenance tags), PROGRESS per epoch or
 * step (a compression trial's epochs with its validation metrics, and at its rungs a question to the orchestrator,
 * {@link EpochReports}), then FINISHED (measured metrics, the artifact's {@code file:} URI; for a trial stopped at a
 * rung, the metrics measured there and the rung as a tag) or FAILED (a one-line reason) for any exception.
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
        ProgressEvents progress = new ProgressEvents(spec, publisher);
        TrialEvent terminal;
        try {
            terminal = spec.role() == TrialRole.TEACHER ? teacher(spec, tags, progress) : compress(spec, tags, progress);
        } catch (TrialStoppedException e) {
            terminal = stopped(spec, tags, e);
        } catch (RuntimeException e) {
            LOG.warn("trial {} failed", spec.trialId(), e);
            terminal = TrialEvents.of(spec, EventType.FAILED, Map.of(), tags, null, TrialEvents.reason(e));
        }
        publisher.publish(terminal);
        return terminal;
    }

    private TrialEvent teacher(TrialSpec spec, Map<String, String> base, ProgressEvents progress) {
        TeacherResult result = new TeacherJob(settings).run(spec, progress);
        Map<String, String> tags = new LinkedHashMap<>(base);
        tags.putAll(Provenance.engine());
        tags.putAll(result.tags());
        tags.put("teacher.reused", Boolean.toString(result.reused()));
        tags.put("teacher.spec_hash", SpecHash.teacher(spec));
        return TrialEvents.of(spec, EventType.FINISHED, result.metrics(), tags, ArtifactUri.of(result.artifact()), null);
    }

    /**
     * The FINISHED event of a trial stopped at a rung: the metrics measured there, the rung and the decision as
     * tags, and no model (none was deployed).
     */
    private static TrialEvent stopped(TrialSpec spec, Map<String, String> base, TrialStoppedException stop) {
        Map<String, String> tags = new LinkedHashMap<>(base);
        tags.putAll(Provenance.engine());
        tags.put(Rungs.STOPPED_AT_EPOCH_TAG, Integer.toString(stop.epoch()));
        tags.put(Rungs.DECISION_TAG, stop.getMessage());
        return TrialEvents.of(spec, EventType.FINISHED, stop.metrics(), tags, null, null);
    }

    /**
     * The reader of the orchestrator's answers at the rungs, when the trial has rungs and its sweep a control topic;
     * without one the trial is never stopped, and says why.
     */
    private static Optional<DecisionFeed> decisions(TrialSpec spec) {
        if (spec.rungs().isEmpty()) {
            return Optional.empty();
        }
        if (spec.kafkaBootstrap().startsWith(EventPublishers.FILE_PREFIX)) {
            LOG.warn("trial {}: events go to a file, so no decision can reach it: it is never stopped early",
                    spec.trialId());
            return Optional.empty();
        }
        try {
            return Optional.of(DecisionFeed.open(spec.kafkaBootstrap(), spec.topic(), spec.trialId()));
        } catch (KafkaException e) {
            LOG.warn("trial {}: cannot read the sweep's decisions ({}): it is never stopped early", spec.trialId(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private TrialEvent compress(TrialSpec spec, Map<String, String> base, ProgressEvents progress) {
        Optional<DecisionFeed> decisions = decisions(spec);
        try {
            return compress(spec, base, progress, decisions);
        } finally {
            decisions.ifPresent(DecisionFeed::close);
        }
    }

    private TrialEvent compress(TrialSpec spec, Map<String, String> base, ProgressEvents progress,
            Optional<DecisionFeed> decisions) {
        ImageDataset data = Datasets.load(spec.dataset());
        WorkDir dir = WorkDir.of(spec);
        boolean imported = spec.teacher().trainedElsewhere();
        TeacherRecord teacher = TeacherRecord.read(dir.teacherRecord())
                .filter(r -> Files.isRegularFile(dir.teacherOnnx()) && Files.isRegularFile(dir.teacherLogits())
                        && (imported || Files.isRegularFile(dir.teacherModel())))
                .orElseThrow(() -> new IllegalStateException("teacher artifacts not found in "
                        + dir.teacherOnnx().getParent() + ": run the sweep's teacher job first"));
        teacher.requireSameData(data);
        StepParams params = new StepParams(spec.params());
        EpochReports epochs = new EpochReports(spec, progress, data.validation(), teacher.metric(Evaluation.ACCURACY),
                QuantizedExecution.bytesPerWeight(spec.chain(), params), decisions, EpochReports.DECISION_WAIT);
        StepContext context = new StepContext(data, TeacherLogits.read(dir.teacherLogits()), params, spec.seed(),
                epochs);
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
