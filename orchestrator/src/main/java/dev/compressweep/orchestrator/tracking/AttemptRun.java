package dev.compressweep.orchestrator.tracking;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The run of one attempt at a trial, as the tracker holds it.
 *
 * @param run the run
 * @param attempt which attempt it records (1 for a run made before attempts were tagged)
 * @param outcome how the run ended, or null while it runs
 * @param supersededBy the attempt that replaced this one, or 0 while it is the trial's current attempt
 */
public record AttemptRun(TrackedRun run, int attempt, RunOutcome outcome, int supersededBy) {

    public AttemptRun {
        Objects.requireNonNull(run, "run");
        if (attempt < 1 || supersededBy < 0 || (supersededBy > 0 && supersededBy <= attempt)) {
            throw new IllegalArgumentException("an attempt must be >= 1 and superseded only by a later one, but got"
                    + " attempt=" + attempt + ", supersededBy=" + supersededBy + " for run " + run.runId());
        }
    }

    /** The run of the current attempt among a trial's {@code runs} (the highest not superseded), if there is one. */
    public static Optional<TrackedRun> current(List<AttemptRun> runs) {
        return runs.stream().filter(run -> run.supersededBy() == 0).max(Comparator.comparingInt(AttemptRun::attempt))
                .map(AttemptRun::run);
    }

    /** Whether the run has ended (finished, failed or killed). */
    public boolean ended() {
        return outcome != null;
    }
}
