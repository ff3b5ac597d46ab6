package dev.compressweep.orchestrator.sweep;

import dev.compressweep.search.stopping.EarlyStopping;
import dev.compressweep.search.stopping.StopWhen;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How many trials a sweep runs and how.
 *
 * @param strategy grid or random
 * @param budget the number of compression trials (the teacher is extra)
 * @param parallelism trials in flight at once
 * @param gridPoints grid points per continuous range
 * @param threadsPerTrial intra-op threads each trial may use (fixed and recorded)
 * @param trialTimeout how long one trial may run before it is stopped and counted as failed
 * @param startupTrials random trials before the Bayesian strategy starts to model the results
 * @param maxRetries how many times a trial that failed for infrastructure reasons (a lost executor, a crashed or
 *     killed trial process) is run again, as a new attempt that does not count against the budget
 * @param earlyStopping when trials are judged during training and stopped ({@code search.early_stopping}), if ever
 * @param stopWhen when the sweep ends before its budget ({@code search.stop_when}), if ever
 */
public record SearchSettings(
        Strategy strategy, int budget, int parallelism, int gridPoints, int threadsPerTrial, Duration trialTimeout,
        int startupTrials, int maxRetries, Optional<EarlyStopping> earlyStopping, Optional<StopWhen> stopWhen) {

    /** Retries of a trial failed by the infrastructure unless the sweep file says otherwise. */
    public static final int DEFAULT_MAX_RETRIES = 1;

    public SearchSettings {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(trialTimeout, "trialTimeout");
        Objects.requireNonNull(earlyStopping, "`earlyStopping` must not be null");
        Objects.requireNonNull(stopWhen, "`stopWhen` must not be null");
        if (maxRetries < 0) {
            throw new IllegalArgumentException("max_retries must be >= 0, but got " + maxRetries);
        }
        if (budget < 1 || parallelism < 1 || gridPoints < 2 || threadsPerTrial < 1 || startupTrials < 1) {
            throw new IllegalArgumentException("budget, parallelism, threads and start-up trials must be >= 1 and"
                    + " grid points >= 2, but got budget=" + budget + ", parallelism=" + parallelism + ", gridPoints="
                    + gridPoints + ", threadsPerTrial=" + threadsPerTrial + ", startupTrials=" + startupTrials);
        }
    }
}
