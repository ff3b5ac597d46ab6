package dev.compressweep.search.stopping;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Multi-objective asynchronous successive halving (ASHA, Li et al. 2020, on several objectives
 * and constraints): decides whether a trial that has just finished a rung's epoch trains on or
 * stops.
 *
 * <p>The rule: of the {@code n} trials that have reached the rung so far, this one included, the
 * best {@code ceil(n / reduction_factor)} go on. Trials are ranked feasible first (every
 * constraint met), by non-dominated level of the objectives, then by exclusive hypervolume
 * contribution within the level, largest first, measured up to the worst corner of the feasible
 * trials at the rung moved out by a tenth of their range; infeasible trials follow, ranked the
 * same way with their total violation (each constraint's taken relative to its bound) as one more
 * objective, so that while most trials still break a constraint on a metric that training
 * improves, a small model is not judged on that metric alone ({@code RungRanking} says more);
 * trials lacking an objective or constraint metric come last. Ties go to the lower trial index.
 *
 * <p>Asynchronous: no trial waits for a rung to fill. A trial is judged once, against what has
 * been reported before it, so the first trial at a rung always goes on, and the first few go on
 * while they are the best so far: promoted when in the top fraction of what has been seen, as in
 * ASHA. Trials judged early are not stopped later when better ones arrive.
 *
 * <p>Pure: a decision depends only on the settings, the trial's result and the results reported
 * before it, not on the order of different trials' results; so an orchestrator that resumes a
 * sweep rebuilds every rung from the replayed events and gets the same decisions. An immutable
 * value, thread-safe.
 *
 * @param settings the rungs and the reduction factor
 * @param objectives what the trials optimise, at least one, with distinct metrics
 * @param constraints what a feasible trial meets
 */
public record SuccessiveHalving(
        EarlyStopping settings, List<Objective> objectives, List<Constraint> constraints) {

    /** Validates and copies the components. */
    public SuccessiveHalving {
        Objects.requireNonNull(settings, "`settings` must not be null");
        objectives = Objective.requireDistinct(objectives);
        constraints = List.copyOf(Objects.requireNonNull(constraints,
                "`constraints` must not be null"));
    }

    /**
     * Decides whether the trial that reported {@code result} after a rung's epoch goes on.
     *
     * @param result the trial's metrics after the rung's epoch
     * @param reported what trials reported before it, at any rung and in any order; only the
     *     results at {@code result}'s rung from other trials count, a trial's first one if it
     *     reported twice (a retried attempt), so a replay may pass every result it has
     * @throws IllegalArgumentException if {@code result}'s epoch is not a rung
     */
    public Decision decide(RungResult result, List<RungResult> reported) {
        Objects.requireNonNull(result, "`result` must not be null");
        Objects.requireNonNull(reported, "`reported` must not be null");
        if (!settings.isRung(result.epoch())) {
            throw new IllegalArgumentException("a trial is judged only at a rung, one of "
                    + settings.rungs() + " for early_stopping " + settings + ", but trial "
                    + result.trial() + " reported epoch=" + result.epoch());
        }
        Map<Integer, RungResult> peers = new LinkedHashMap<>();
        for (RungResult peer : reported) {
            if (peer.epoch() == result.epoch() && peer.trial() != result.trial()) {
                peers.putIfAbsent(peer.trial(), peer);
            }
        }
        List<Scored> scored = new ArrayList<>();
        peers.values().forEach(p -> scored.add(score(p)));
        int reached = scored.size() + 1;
        int promoted = (reached + settings.reductionFactor() - 1) / settings.reductionFactor();
        int rank = RungRanking.rank(score(result), scored);
        return new Decision(result.trial(), result.epoch(), rank <= promoted, rank, reached,
                promoted);
    }

    private Scored score(RungResult result) {
        return Scored.of(result.trial(), result.metrics(), objectives, constraints);
    }
}
