package dev.compressweep.orchestrator.tracking;

import java.util.Objects;

/**
 * A run in the experiment tracker.
 *
 * @param experimentId the experiment holding the run
 * @param runId the tracker's id of the run
 * @param artifactUri where the run's artifacts live, e.g. {@code mlflow-artifacts:/1/<run>/artifacts}
 * @param created whether this call created the run (false when an existing run was found)
 */
public record TrackedRun(String experimentId, String runId, String artifactUri, boolean created) {

    public TrackedRun {
        Objects.requireNonNull(experimentId, "experimentId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(artifactUri, "artifactUri");
    }
}
