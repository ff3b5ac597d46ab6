package dev.compressweep.orchestrator.run;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.stopping.Decision;
import dev.compressweep.search.stopping.EarlyStopping;
import dev.compressweep.search.stopping.RungResult;
import dev.compressweep.search.stopping.SuccessiveHalving;
import dev.compressweep.workers.rung.EpochMetrics;
import java.util.List;

/**
 * Decides, for a trial that reported a rung, whether it trains on: multi-objective asynchronous successive halving
 * ({@link SuccessiveHalving}) over every result reported at that rung before it, on the sweep's objectives and
 * constraints that are measured after a training epoch ({@link EpochMetrics#MEASURED}); latency is not, so rungs
 * rank trials on the others. Pure and immutable: the same results give the same decision, so a resumed sweep
 * decides as the killed one would have.
 */
final class RungJudge {

    private final SuccessiveHalving halving;

    /**
     * @throws IllegalArgumentException when none of {@code objectives} is measured after an epoch (the sweep file's
     *     check refuses such a sweep first)
     */
    RungJudge(EarlyStopping settings, List<Objective> objectives, List<Constraint> constraints) {
        this.halving = new SuccessiveHalving(settings,
                objectives.stream().filter(o -> EpochMetrics.MEASURED.contains(o.metric())).toList(),
                constraints.stream().filter(c -> EpochMetrics.MEASURED.contains(c.metric())).toList());
    }

    /** Whether the trial that reported {@code result} goes on, judged against {@code before}. */
    Decision decide(RungResult result, List<RungResult> before) {
        return halving.decide(result, before);
    }
}
