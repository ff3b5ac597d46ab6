package dev.compressweep.search.sampler;

/** Where a trial stands: still running, finished with metrics, or failed without any. */
public enum TrialState {
    /** Proposed and not finished yet; its assignment is taken. */
    RUNNING,
    /** Finished and reported its metrics. */
    COMPLETE,
    /** Finished without metrics. */
    FAILED
}
