package dev.compressweep.workers.trial;

import java.io.Serializable;
import java.util.Objects;

/**
 * How a trial process ended, as returned to the Spark task that launched it. The trial's results travel
 * as events; this only says whether the process exited cleanly.
 *
 * @param trialId the trial
 * @param exitCode the process's exit code (0: a terminal event was published)
 * @param seconds wall time of the process
 */
public record TrialOutcome(String trialId, int exitCode, double seconds) implements Serializable {

    public TrialOutcome {
        Objects.requireNonNull(trialId, "trialId");
    }

    /** Whether the process published its terminal event and exited with 0. */
    public boolean succeeded() {
        return exitCode == 0;
    }
}
