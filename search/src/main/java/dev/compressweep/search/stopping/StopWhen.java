package dev.compressweep.search.stopping;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.sampler.Observation;
import dev.compressweep.search.sampler.TrialState;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a sweep stops before its budget, as a sweep file's {@code search.stop_when} section gives
 * it: when the feasible front stops growing ({@link Stall}: {@code min_improvement} and
 * {@code patience}), when a wall-clock budget runs out ({@code wall_clock}), or at whichever comes
 * first. An immutable value; messages name the sweep file's keys.
 *
 * @param stall the rule on the front's growth, if any
 * @param wallClock the longest a sweep may run, positive, if any
 */
public record StopWhen(Optional<Stall> stall, Optional<Duration> wallClock) {

    /** Validates the components: at least one rule. */
    public StopWhen {
        Objects.requireNonNull(stall, "`stall` must not be null");
        Objects.requireNonNull(wallClock, "`wallClock` must not be null");
        if (stall.isEmpty() && wallClock.isEmpty()) {
            throw new IllegalArgumentException("`stop_when` needs min_improvement with patience, "
                    + "or wall_clock, or both, but got neither");
        }
        wallClock.ifPresent(budget -> {
            if (budget.isZero() || budget.isNegative()) {
                throw new IllegalArgumentException(
                        "`wall_clock > 0` must hold, but got wall_clock=" + budget);
            }
        });
    }

    /**
     * Returns the settings a sweep file writes, null standing for a key left out.
     *
     * @throws IllegalArgumentException naming the key and the value that break the settings, or
     *     the key that is missing ({@code min_improvement} and {@code patience} go together)
     */
    public static StopWhen of(Double minImprovement, Integer patience, Duration wallClock) {
        if ((minImprovement == null) != (patience == null)) {
            throw new IllegalArgumentException("`min_improvement` and `patience` go together, but "
                    + "got " + (patience == null ? "min_improvement=" + minImprovement
                            + " without patience" : "patience=" + patience
                            + " without min_improvement"));
        }
        Optional<Stall> stall = minImprovement == null
                ? Optional.empty() : Optional.of(new Stall(minImprovement, patience));
        return new StopWhen(stall, Optional.ofNullable(wallClock));
    }

    /**
     * Returns why the sweep stops now, in one line, or nothing if it goes on: the wall clock is
     * checked first, then the front's growth.
     *
     * @param objectives what the sweep optimises, at least one, with distinct metrics
     * @param constraints what a feasible trial meets
     * @param finished the finished trials (complete, stopped or failed), in the order they
     *     finished
     * @param elapsed how long the sweep has run, zero or more
     * @throws IllegalArgumentException if a trial in {@code finished} is RUNNING or
     *     {@code elapsed} is negative
     */
    public Optional<String> reason(List<Objective> objectives, List<Constraint> constraints,
            List<Observation> finished, Duration elapsed) {
        List<Objective> checked = Objective.requireDistinct(objectives);
        Objects.requireNonNull(constraints, "`constraints` must not be null");
        Objects.requireNonNull(finished, "`finished` must not be null");
        Objects.requireNonNull(elapsed, "`elapsed` must not be null");
        if (elapsed.isNegative()) {
            throw new IllegalArgumentException("`elapsed >= 0` must hold, but got " + elapsed);
        }
        for (Observation trial : finished) {
            if (trial.state() == TrialState.RUNNING) {
                throw new IllegalArgumentException("stop_when counts finished trials only, but "
                        + "trial " + trial.index() + " is RUNNING");
            }
        }
        if (wallClock.isPresent() && elapsed.compareTo(wallClock.get()) >= 0) {
            return Optional.of("the wall-clock budget of " + readable(wallClock.get())
                    + " ran out after " + readable(elapsed));
        }
        return stall.flatMap(rule -> rule.reason(checked, List.copyOf(constraints), finished));
    }

    /** Returns {@code duration} as hours, minutes and seconds, e.g. {@code 1h 5m 0s}. */
    private static String readable(Duration duration) {
        return duration.toHours() + "h " + duration.toMinutesPart() + "m "
                + duration.toSecondsPart() + "s";
    }
}
