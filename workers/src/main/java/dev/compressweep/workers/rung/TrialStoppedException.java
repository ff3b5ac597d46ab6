package dev.compressweep.workers.rung;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Ends a trial's training at a rung, on the orchestrator's decision: thrown from the end of an epoch, it unwinds the
 * training and the compression chain (which close their models), and the trial reports it as a FINISHED event
 * tagged with the rung ({@link Rungs#STOPPED_AT_EPOCH_TAG}), carrying the metrics measured there. Not a failure.
 */
public final class TrialStoppedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final transient Map<String, Double> metrics;

    /**
     * @param epoch the rung: the epochs trained over every phase
     * @param metrics what was measured after that epoch, by plain name ({@link EpochMetrics#MEASURED})
     * @param decision the orchestrator's decision, in one line
     */
    public TrialStoppedException(int epoch, Map<String, Double> metrics, String decision) {
        super(decision);
        this.epoch = epoch;
        this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /** The rung the trial stopped at, in epochs trained. */
    public int epoch() {
        return epoch;
    }

    /** The metrics measured at the rung, by plain name. */
    public Map<String, Double> metrics() {
        return metrics;
    }
}
