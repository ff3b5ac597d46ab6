package dev.compressweep.deploy;

import dev.compressweep.workers.event.ArtifactUri;
import dev.compressweep.workers.event.EventType;
import dev.compressweep.workers.event.TrialEvent;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finished trial that may be deployed: what it did, what it measured and where its model is.
 *
 * @param trialId the trial's stable id
 * @param runId the trial's run in the experiment tracker, or null when it was not tracked
 * @param chain the compression steps in order (empty for the teacher)
 * @param params the trial's settings
 * @param metrics the trial's evaluation ({@code accuracy}, {@code size_bytes}, ...)
 * @param artifactPath where the trial wrote its model, or null when it wrote none
 */
public record Candidate(String trialId, String runId, List<String> chain, Map<String, Object> params,
        Map<String, Double> metrics, Path artifactPath) {

    public Candidate {
        Objects.requireNonNull(trialId, "trialId");
        chain = List.copyOf(chain);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * The candidate a trial's FINISHED event describes.
     *
     * @param runId the trial's tracked run, or null
     * @throws IllegalArgumentException when the event is not a FINISHED event
     */
    public static Candidate of(TrialEvent finished, String runId) {
        if (finished.type() != EventType.FINISHED) {
            throw new IllegalArgumentException("a candidate comes from a FINISHED event, but got "
                    + finished.type() + " for trial " + finished.trialId());
        }
        return new Candidate(finished.trialId(), runId, finished.chain(), finished.params(), finished.metrics(),
                ArtifactUri.toPath(finished.artifactUri()));
    }

    /** A metric's value, or NaN when it was not measured. */
    public double metric(String name) {
        Double value = metrics.get(name);
        return value == null ? Double.NaN : value;
    }
}
