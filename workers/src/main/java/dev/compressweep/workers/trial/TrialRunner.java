package dev.compressweep.workers.trial;

import dev.compressweep.workers.artifact.ModelArtifact;
import dev.compressweep.workers.compress.CompressedModel;
import dev.compressweep.workers.compress.CompressionChain;
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
import dev.compressweep.workers.onnx.QuantizedExecution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one trial in this JVM and reports it: STARTED (params and provenance tags), PROGRESS per epoch or
 * step, then FINISHED (measured metrics, the artifact's {@code file:} URI) or FAILED (a one-line reason) for any exception.
 * A teacher trial runs the {@link TeacherJob}; a compression trial applies its chain to a copy of the
 * teacher and measures the result against the teacher's record; a chain ending in {@code quantize} is
 * measured on int8 kernels ({@link QuantizedExecution}). DJL trains one model per JVM at a time: run
 * trials sequentially in a process. Not thread-safe.
 */
public final class TrialRunner {

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
     * @throws dev.compressweep.workers.event.EventPublishException when STARTED or the terminal event
     *     cannot be published
     */
    public TrialEvent run(TrialSpec spec, EventPublisher publisher) {
        Map<String, String> tags = Provenance.base(spec);
        publisher.publish(TrialEvents.of(spec, EventType.STARTED, Map.of(), tags, null, null));
        ProgressListener progress = (step, metrics) -> publisher.publish(
                TrialEvents.of(spec, EventType.PROGRESS, metrics, Map.of("step", step), null, null));
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
        tags.put("teacher.reused", Boolean.toString(result.reused()));
        tags.put("teacher.spec_hash", SpecHash.teacher(spec));
        return TrialEvents.of(spec, EventType.FINISHED, result.metrics(), tags, ArtifactUri.of(result.artifact()), null);
    }

    private TrialEvent compress(TrialSpec spec, Map<String, String> base, ProgressListener progress) {
        CompressionChain chain = CompressionChain.of(spec.chain());
        ImageDataset data = Datasets.load(spec.dataset());
        WorkDir dir = WorkDir.of(spec);
        TeacherRecord teacher = TeacherRecord.read(dir.teacherRecord())
                .filter(r -> Files.isRegularFile(dir.teacherModel()) && Files.isRegularFile(dir.teacherLogits()))
                .orElseThrow(() -> new IllegalStateException("teacher artifacts not found in "
                        + dir.teacherModel().getParent() + ": run the sweep's teacher job first"));
        teacher.requireSameData(data);
        StepContext context = new StepContext(data, TeacherLogits.read(dir.teacherLogits()),
                new StepParams(spec.params()), spec.seed(), progress);
        Seeds.apply(spec.seed());
        try (CompressedModel result = chain.apply(ModelArtifact.load(dir.teacherModel()), context)) {
            Path artifact = dir.trialArtifact(spec.trialId());
            ModelArtifact.write(artifact, result);
            QuantizedExecution.Result int8 = QuantizedExecution.appliesTo(spec.chain(), context.params(), result)
                    ? new QuantizedExecution(settings, spec.threads())
                            .evaluate(result, data, artifact, context.params(), spec.seed())
                    : null;
            Evaluation evaluation = int8 != null ? int8.evaluation()
                    : new Evaluator(settings).evaluate(result, data.test(), artifact);
            Map<String, Double> metrics = new LinkedHashMap<>(evaluation.toMetrics());
            metrics.put(Evaluation.ACCURACY_DROP, teacher.metric(Evaluation.ACCURACY) - evaluation.accuracy());
            metrics.put(Evaluation.COMPRESSION_RATIO,
                    teacher.metric(Evaluation.SIZE_BYTES) / evaluation.sizeBytes());
            if (int8 != null) {
                metrics.putAll(int8.metrics());
            }
            Evaluation.requireFinite(metrics);
            Map<String, String> tags = new LinkedHashMap<>(base);
            tags.putAll(Provenance.engine());
            tags.put("teacher.spec_hash", teacher.specHash());
            tags.put("architecture", result.architecture().toString());
            if (result.isQuantized()) {
                tags.put("weights_only_quantization", "true");
                tags.put("quantized_execution", "simulated_float");
            }
            if (int8 != null) {
                tags.putAll(int8.tags());
            }
            return TrialEvents.of(spec, EventType.FINISHED, metrics, tags, ArtifactUri.of(artifact), null);
        }
    }
}
