package dev.compressweep.search.sampler;

/**
 * Where a trial stands: still running, finished with metrics, stopped early with the metrics it
 * had then, or failed without any.
 */
public enum TrialState {
    /** Proposed and not finished yet; its assignment is taken. */
    RUNNING,
    /** Finished and reported its metrics. */
    COMPLETE,
    /** Failed without metrics. */
    FAILED,
    /**
     * Stopped early by an early-stopping rule, at a rung, with the metrics measured there: a trial
     * judged worse than its peers at the same point of training, not a failure. It never belongs
     * on the final front.
     */
    STOPPED
}
