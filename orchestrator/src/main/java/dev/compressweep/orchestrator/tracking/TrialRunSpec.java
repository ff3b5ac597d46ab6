package dev.compressweep.orchestrator.tracking;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the run of one attempt at a trial is created with.
 *
 * @param trialId the trial's stable id; with the attempt, the run is found again by it
 * @param attempt which attempt at the trial (1, 2, ...): each has a run of its own
 * @param runName the name shown in the tracker's UI
 * @param startTime when the attempt started
 * @param params the trial's settings, logged once when the run is created
 * @param tags labels set at creation (kind, chain, seed, ...)
 */
public record TrialRunSpec(String trialId, int attempt, String runName, Instant startTime, Map<String, String> params,
        Map<String, String> tags) {

    public TrialRunSpec {
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(runName, "runName");
        Objects.requireNonNull(startTime, "startTime");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        if (trialId.isBlank()) {
            throw new IllegalArgumentException("a trial id must not be blank, but got '" + trialId + "'");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("an attempt must be >= 1, but got " + attempt + " for trial " + trialId);
        }
    }
}
