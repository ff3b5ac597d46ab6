package dev.compressweep.orchestrator.tracking;

import dev.compressweep.workers.event.ArtifactUri;
import dev.compressweep.workers.event.TrialEvent;
import dev.compressweep.workers.event.TrialRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one {@link TrialEvent} at a time to an {@link ExperimentTracker}: the sweep's parent run,
 * a child run per trial (the teacher's named {@code teacher}), params at creation, metrics, tags,
 * the model artifact under {@value #MODEL_DIR}/ and the final status.
 *
 * <p>Every write is idempotent, so an event seen twice (a replayed topic) changes nothing. Used by
 * one thread; {@link #runId} may be read from any thread.
 */
final class EventRecorder {

    /** The artifact folder a trial's model goes to; a registered model's source is {@code <run artifacts>/model}. */
    static final String MODEL_DIR = "model";

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);

    private final ExperimentTracker tracker;
    private final String experimentName;
    private String experimentId;
    private final Map<String, TrackedRun> sweepRuns = new HashMap<>();
    private final Map<String, TrackedRun> trialRuns = new ConcurrentHashMap<>();

    EventRecorder(ExperimentTracker tracker, String experimentName) {
        this.tracker = tracker;
        this.experimentName = experimentName;
    }

    /** The run id of a trial whose events were recorded. */
    Optional<String> runId(String trialId) {
        return Optional.ofNullable(trialRuns.get(trialId)).map(TrackedRun::runId);
    }

    /**
     * Records the event.
     *
     * @throws TrackingException when the tracker refuses or fails a write
     */
    void record(TrialEvent event) {
        TrackedRun run = trialRun(event);
        switch (event.type()) {
            case STARTED -> LOG.debug("trial {} started: run {}", event.trialId(), run.runId());
            case PROGRESS -> tracker.logMetrics(run.runId(), event.metrics(), step(event), event.timestamp());
            case FINISHED -> {
                tracker.logMetrics(run.runId(), event.metrics(), step(event), event.timestamp());
                Map<String, String> tags = new LinkedHashMap<>(event.tags());
                uploadModel(event, run, tags);
                tracker.setTags(run.runId(), tags);
                tracker.terminate(run.runId(), RunOutcome.FINISHED, event.timestamp());
            }
            case FAILED -> {
                Map<String, String> tags = new LinkedHashMap<>(event.tags());
                tags.put(TrackingTags.ERROR, event.error());
                tracker.setTags(run.runId(), tags);
                tracker.terminate(run.runId(), RunOutcome.FAILED, event.timestamp());
            }
        }
    }

    private TrackedRun trialRun(TrialEvent event) {
        TrackedRun cached = trialRuns.get(event.trialId());
        if (cached != null) {
            return cached;
        }
        if (experimentId == null) {
            experimentId = tracker.experimentId(experimentName);
        }
        TrackedRun parent = sweepRuns.get(event.sweepId());
        if (parent == null) {
            parent = tracker.sweepRun(experimentId, event.sweepId(), event.timestamp());
            sweepRuns.put(event.sweepId(), parent);
        }
        TrackedRun run = tracker.trialRun(experimentId, parent.runId(), spec(event));
        trialRuns.put(event.trialId(), run);
        return run;
    }

    private static TrialRunSpec spec(TrialEvent event) {
        boolean teacher = event.role() == TrialRole.TEACHER;
        String chain = String.join("+", event.chain());
        Map<String, String> tags = new LinkedHashMap<>(event.tags());
        tags.put(TrackingTags.SWEEP_ID, event.sweepId());
        tags.put(TrackingTags.TRIAL_INDEX, Integer.toString(event.trialIndex()));
        tags.put(TrackingTags.KIND, teacher ? TrackingTags.KIND_TEACHER : TrackingTags.KIND_TRIAL);
        if (!chain.isEmpty()) {
            tags.put(TrackingTags.CHAIN, chain);
        }
        Map<String, String> params = new LinkedHashMap<>();
        event.params().forEach((key, value) -> params.put(key, String.valueOf(value)));
        String name = teacher ? "teacher" : String.format("%03d-%s", event.trialIndex(), chain);
        return new TrialRunSpec(event.trialId(), name, event.timestamp(), params, tags);
    }

    /** The metric {@code step}, else {@code epoch}, else 0: where a point goes on MLflow's x axis. */
    private static long step(TrialEvent event) {
        for (String key : new String[] {"step", "epoch"}) {
            Double value = event.metrics().get(key);
            if (value != null && Double.isFinite(value)) {
                return value.longValue();
            }
        }
        return 0;
    }

    private void uploadModel(TrialEvent event, TrackedRun run, Map<String, String> tags) {
        Path artifact = ArtifactUri.toPath(event.artifactUri());
        if (artifact == null) {
            return;
        }
        if (Files.exists(artifact)) {
            tracker.uploadArtifact(run, artifact, MODEL_DIR);
        } else {
            LOG.warn("trial {} names the artifact {}, which does not exist; the run has no model",
                    event.trialId(), artifact);
            tags.put(TrackingTags.ARTIFACT_MISSING, event.artifactUri());
        }
    }
}
