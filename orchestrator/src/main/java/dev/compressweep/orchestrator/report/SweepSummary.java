package dev.compressweep.orchestrator.report;

import dev.compressweep.deploy.Candidate;
import dev.compressweep.deploy.selection.Infeasibility;
import dev.compressweep.deploy.selection.Pick;
import dev.compressweep.deploy.selection.Selection;
import dev.compressweep.orchestrator.run.SweepState;
import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.workers.event.ArtifactUri;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.pareto.ParetoFront;
import dev.compressweep.search.sampler.TrialState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The outcome of a sweep: its teacher, its trials, the Pareto front over the objectives and the best
 * model under the constraints, picked by the sweep's {@link Selection}, with the runner-up and why.
 *
 * <p>The front is taken over the feasible trials (those meeting every constraint); when none is
 * feasible it is taken over all complete trials and there is no best model.
 *
 * @param teacher the teacher's record
 * @param trials every compression trial, by index
 * @param front the non-dominated trials, by index
 * @param feasibleCount how many complete trials meet every constraint
 * @param best the model to deploy: the feasible front member the sweep's selection picks ({@link Selection#pick})
 * @param runnerUp the member the selection would pick without the best one, if any
 * @param reason one sentence: why the best one won (e.g. {@code highest accuracy (0.8746) among 4 feasible front
 *     members; runner-up #12 has 0.859}), or, without a best one, why no trial is feasible
 *     ({@link Infeasibility#explain}: which constraint came closest to being met, and by how much)
 */
public record SweepSummary(
        TrialRecord teacher, List<TrialRecord> trials, List<TrialRecord> front, int feasibleCount,
        Optional<TrialRecord> best, Optional<TrialRecord> runnerUp, String reason) {

    public SweepSummary {
        trials = List.copyOf(trials);
        front = List.copyOf(front);
        Objects.requireNonNull(reason, "`reason` must not be null");
        if (best.isEmpty() && runnerUp.isPresent()) {
            throw new IllegalArgumentException("a runner-up needs a best model, but got runner-up "
                    + runnerUp.get().trialId() + " without one");
        }
    }

    /** Summarises the final state of {@code sweep}. */
    public static SweepSummary of(SweepSpec sweep, SweepState state) {
        List<TrialRecord> complete = state.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        List<TrialRecord> feasible = complete.stream().filter(t -> feasible(sweep.constraints(), t)).toList();
        List<TrialRecord> pool = feasible.isEmpty() ? complete : feasible;
        List<TrialRecord> front = ParetoFront.nonDominated(pool, TrialRecord::metrics, sweep.objectives());
        Map<String, TrialRecord> byId = complete.stream().collect(Collectors.toMap(TrialRecord::trialId, t -> t));
        Function<Candidate, String> name = c -> "#" + byId.get(c.trialId()).index();
        Pick pick = sweep.selection().pick(front.stream().map(SweepSummary::candidate).toList(), sweep.constraints(),
                sweep.objectives(), name);
        String reason = pick.chosen().isPresent() ? pick.reason() : Infeasibility.explain(
                complete.stream().map(SweepSummary::candidate).toList(), sweep.constraints(), sweep.objectives(), name);
        return new SweepSummary(state.teacher().orElseThrow(), state.trials(), front, feasible.size(),
                pick.chosen().map(c -> byId.get(c.trialId())), pick.runnerUp().map(c -> byId.get(c.trialId())), reason);
    }

    /** The trial as a deployment candidate (its tracked run is not known here). */
    public static Candidate candidate(TrialRecord trial) {
        return candidate(trial, null);
    }

    /** The trial as a deployment candidate tracked as run {@code runId} (or null). */
    public static Candidate candidate(TrialRecord trial, String runId) {
        return new Candidate(trial.trialId(), runId, trial.chain(), trial.params(), trial.metrics(),
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
