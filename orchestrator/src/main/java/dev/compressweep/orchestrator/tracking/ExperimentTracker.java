package dev.compressweep.orchestrator.tracking;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a sweep's experiment, its parent run and one run per trial are recorded (MLflow in
 * production).
 *
 * <p>Every "get or create" looks the entity up by name or tag first, so replaying a sweep's events
 * never duplicates runs and never logs a parameter twice. Calls fail with {@link TrackingException};
 * {@link TrackingException#isRetriable()} says whether repeating may help. Implementations must be thread-safe:
 * the MLflow sink writes several trials at once.
 */
public interface ExperimentTracker extends AutoCloseable {

    /** The id of the experiment named {@code name}, created if missing. */
    String experimentId(String name);

    /** The sweep's parent run (tags {@link TrackingTags#SWEEP_ID}, kind sweep), created if missing. */
    TrackedRun sweepRun(String experimentId, String sweepId, Instant startTime);

    /**
     * The run of one attempt at a trial, found by its {@link TrackingTags#TRIAL_ID} and {@link TrackingTags#ATTEMPT}
     * tags (a run without an attempt tag is attempt 1) or created as a child of {@code parentRunId} with the spec's
     * tags and params. Params of an existing run are never changed: only keys it lacks are logged.
     */
    TrackedRun trialRun(String experimentId, String parentRunId, TrialRunSpec spec);

    /**
     * Creates the run of one attempt at a trial as a child of {@code parentRunId}, with the spec's tags, without
     * looking for an existing one: for a caller that knows the experiment's runs ({@link #trialRuns(String)}) and
     * logs the spec's params itself ({@link #log}), with the run's first metrics.
     */
    TrackedRun createTrialRun(String experimentId, String parentRunId, TrialRunSpec spec);

    /** The runs of every attempt at the trial, superseded ones included, lowest attempt first. */
    List<AttemptRun> trialRuns(String experimentId, String trialId);

    /**
     * The runs of every attempt at every trial of the experiment, by trial id, lowest attempt first: what
     * {@link #trialRuns(String, String)} says of each trial, in one listing.
     */
    Map<String, List<AttemptRun>> trialRuns(String experimentId);

    /** The run of the trial's current attempt (the highest not superseded), if one exists. */
    default Optional<TrackedRun> findTrialRun(String experimentId, String trialId) {
        return AttemptRun.current(trialRuns(experimentId, trialId));
    }

    /**
     * Logs params (never changed once logged), metric points and sets (or overwrites) tags, in as few calls as the
     * tracker allows; logging the same param or point again is harmless.
     */
    void log(String runId, Map<String, String> params, List<MetricPoint> points, Map<String, String> tags);

    /** Sets (or overwrites) tags. */
    default void setTags(String runId, Map<String, String> tags) {
        log(runId, Map.of(), List.of(), tags);
    }

    /**
     * Uploads a file, or every file under a folder, to the run's artifacts under {@code artifactDir}.
     *
     * @return the URI of the uploaded artifact folder, e.g. {@code mlflow-artifacts:/1/<run>/artifacts/model}
     */
    String uploadArtifact(TrackedRun run, Path source, String artifactDir);

    /** Marks the run ended (again: a later call replaces the outcome). */
    void terminate(String runId, RunOutcome outcome, Instant endTime);

    /** Releases connections, waiting at most {@code timeout} for calls in flight. */
    void close(Duration timeout);

    @Override
    default void close() {
        close(Duration.ofSeconds(10));
    }
}
