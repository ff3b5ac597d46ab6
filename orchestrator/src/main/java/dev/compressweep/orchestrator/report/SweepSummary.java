package dev.compressweep.orchestrator.report;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.deploy.ModelSelection;
import dev.compressweep.orchestrator.run.SweepState;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.workers.event.ArtifactUri;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.pareto.ParetoFront;
import dev.compressweep.search.sampler.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a sweep: its teacher, its trials, the Pareto front over the objectives and the best
 * model under the constraints.
 *
 * <p>The front is taken over the feasible trials (those meeting every constraint); when none is
 * feasible it is taken over all complete trials and there is no best model.
 *
 * @param teacher the teacher's record
 * @param trials every compression trial, by index
 * @param front the non-dominated trials, by index
 * @param feasibleCount how many complete trials meet every constraint
 * @param best the model to deploy: the best feasible front member ({@link ModelSelection})
 */
public record SweepSummary(
        TrialRecord teacher, List<TrialRecord> trials, List<TrialRecord> front, int feasibleCount,
        Optional<TrialRecord> best) {

    public SweepSummary {
        trials = List.copyOf(trials);
        front = List.copyOf(front);
    }

    /** Summarises the final state of {@code sweep}. */
    public static SweepSummary of(SweepSpec sweep, SweepState state) {
        List<TrialRecord> complete = state.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        List<TrialRecord> feasible = complete.stream().filter(t -> feasible(sweep.constraints(), t)).toList();
        List<TrialRecord> pool = feasible.isEmpty() ? complete : feasible;
        List<TrialRecord> front = ParetoFront.nonDominated(pool, TrialRecord::metrics, sweep.objectives());
        Optional<TrialRecord> best = ModelSelection.choose(front.stream().map(SweepSummary::candidate).toList(),
                        sweep.constraints(), sweep.objectives().get(0))
                .flatMap(chosen -> front.stream().filter(t -> t.trialId().equals(chosen.trialId())).findFirst());
        return new SweepSummary(state.teacher().orElseThrow(), state.trials(), front, feasible.size(), best);
    }

    /** The trial as a deployment candidate (its tracked run is not known here). */
    public static Candidate candidate(TrialRecord trial) {
        return new Candidate(trial.trialId(), null, trial.chain(), trial.params(), trial.metrics(),
                ArtifactUri.toPath(trial.artifactUri()));
    }

    /** Whether {@code trial} meets every constraint. */
    public static boolean feasible(List<Constraint> constraints, TrialRecord trial) {
        return constraints.stream().allMatch(c -> c.isSatisfiedBy(trial.metrics()));
    }

    public long count(TrialState state) {
        return trials.stream().filter(t -> t.state() == state).count();
    }
}
