package dev.compressweep.orchestrator.tracking;

/** How a tracked run ended. */
public enum RunOutcome {
    /** The run completed and its metrics are final. */
    FINISHED,
    /** The run ended with an error. */
    FAILED,
    /** The run was stopped before it ended (a cancelled sweep). */
    KILLED
}
