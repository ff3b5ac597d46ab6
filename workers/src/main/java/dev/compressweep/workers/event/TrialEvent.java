package dev.compressweep.workers.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One message on a sweep's event topic: the unit of record for everything a trial reports.
 *
 * <p>Events are keyed by {@link #trialId()}; replaying a topic rebuilds a sweep's state. Values are
 * immutable and safe to share between threads.
 *
 * @param schemaVersion the message schema's major version; readers refuse a higher one
 * @param sweepId the sweep this trial belongs to
 * @param trialId stable id derived from the sweep id and the trial index, never random
 * @param trialIndex position of the trial in the sweep (the teacher has index -1)
 * @param role teacher or compression trial
 * @param type life-cycle step
 * @param timestamp when the worker emitted the event
 * @param chain the compression steps in order (empty for the teacher)
 * @param params the trial's settings, flattened ({@code distill.temperature -> 4.0})
 * @param metrics measurements; final only for {@link EventType#FINISHED}
 * @param tags provenance and descriptive labels (seed, threads, JVM, engine, dataset id, ...)
 * @param artifactUri the {@code file:} URI of the trial's model artifact ({@link ArtifactUri}), or null
 * @param error why the trial failed (for {@link EventType#FAILED}), or null
 */
public record TrialEvent(
        int schemaVersion,
        String sweepId,
        String trialId,
        int trialIndex,
        TrialRole role,
        EventType type,
        Instant timestamp,
        List<String> chain,
        Map<String, Object> params,
        Map<String, Double> metrics,
        Map<String, String> tags,
        String artifactUri,
        String error) {

    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * The tag every event of a trial's run carries: which attempt at the trial it comes from (1, 2, ...). An attempt
     * replaces every earlier one: readers ignore the events of an attempt older than the newest they have seen.
     */
    public static final String ATTEMPT_TAG = "attempt";

    public TrialEvent {
        Objects.requireNonNull(sweepId, "sweepId");
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        chain = List.copyOf(chain == null ? List.of() : chain);
        params = copy(params);
        metrics = copy(metrics);
        tags = copy(tags);
        if (type == EventType.FAILED && (error == null || error.isBlank())) {
            throw new IllegalArgumentException(
                    "a FAILED event must say why, but got error=" + error + " for trial " + trialId);
        }
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** This event naming its artifact by {@code artifactUri} instead (where the artifact was stored). */
    public TrialEvent withArtifactUri(String artifactUri) {
        return new TrialEvent(schemaVersion, sweepId, trialId, trialIndex, role, type, timestamp, chain, params,
                metrics, tags, artifactUri, error);
    }

    /** The attempt this event comes from ({@value #ATTEMPT_TAG} tag); 1 when the event does not say. */
    public int attempt() {
        String value = tags.get(ATTEMPT_TAG);
        try {
            return value == null ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** A metric's value, or NaN when it was not measured. */
    public double metric(String name) {
        Double value = metrics.get(name);
        return value == null ? Double.NaN : value;
    }
}
