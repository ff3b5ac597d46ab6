package dev.compressweep.search.sampler;

import dev.compressweep.search.internal.Require;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.sampler.tpe.Evaluated;
import dev.compressweep.search.sampler.tpe.Motpe;
import dev.compressweep.search.sampler.tpe.TpeSettings;
import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Proposes assignments with a multi-objective, constrained tree-structured Parzen estimator
 * (MOTPE): it learns from the history which regions give good trade-offs and which break
 * constraints or fail.
 *
 * <p>Why a Parzen estimator and not a Gaussian process: sweep spaces are categorical (method
 * chains), integer, float and log-scale, and conditional (a knob exists only for some chains). A
 * tree-structured Parzen estimator models each parameter only on the trials where it was active
 * and samples a conditional branch only when its parent chooses it, so these spaces need no
 * encoding or imputation; a GP needs a kernel over mixed, partly missing inputs, an O(n³) fit and,
 * for several objectives, an expected-hypervolume acquisition that grows costly with three
 * objectives. Fitting and scoring here cost O(n) per candidate and parameter, which keeps an
 * {@code ask} well within 50 ms at 500 finished trials.
 *
 * <p>How a proposal is made: until {@code startupTrials} trials have finished (complete, stopped
 * or failed), proposals are those of a {@link RandomSampler} with the same seed. Afterwards the
 * finished trials are ranked. Feasible ones (every constraint met) come first, by non-dominated
 * level of the objectives and then by hypervolume contribution; infeasible ones follow, by total
 * violation, each constraint's violation taken relative to its bound. Trials stopped early
 * (STOPPED) follow every trial that ran to its end: those stopped at a later epoch first, and
 * those stopped at the same epoch ranked as above on the metrics measured there; a stopped trial
 * is thus neither a failure nor the equal of a finished one, and is good only when too few trials
 * ran to their end to fill the good set. Failed trials, and complete or stopped ones lacking an
 * objective or constraint metric, come last. The best {@code gamma} share of the finished trials
 * (complete, stopped or failed; at most {@link #MAX_GOOD}, never a failed one) is "good", each
 * weighted by its share of the good front's hypervolume as in MOTPE, the rest "bad"; running
 * trials count as bad too (a constant liar), so parallel proposals avoid what is already being
 * tried. Of {@code candidates} assignments drawn from the good density, those whose categorical
 * and integer values no trial has had yet come first, and among them the one most likely under the
 * good density relative to the bad one is proposed, never one already tried in any state
 * ({@link Motpe} says why new discrete settings come first). In a batch, each proposal joins the
 * running ones before the next is made, so {@code ask(k)} gives the same proposals as k calls of
 * {@code ask(1)} with the earlier proposals running.
 *
 * <p>Warm start: the sampler keeps no state, so trials of an earlier sweep are passed as part of
 * the history; when there are {@code startupTrials} finished ones, the model is used at once.
 * Proposals depend only on the settings (seed included), the space and the history. Immutable and
 * thread-safe; build one with {@link #builder}.
 */
public final class BayesianSampler implements Sampler {
    /** The most finished trials counted as good, however many there are. */
    public static final int MAX_GOOD = 25;
    private static final long MODEL_STREAM = -1L;

    private final List<Objective> objectives;
    private final List<Constraint> constraints;
    private final long seed;
    private final int startupTrials;
    private final TpeSettings settings;
    private final RandomSampler startup;

    BayesianSampler(List<Objective> objectives, List<Constraint> constraints, long seed,
            int startupTrials, TpeSettings settings) {
        this.objectives = objectives;
        this.constraints = constraints;
        this.seed = seed;
        this.startupTrials = startupTrials;
        this.settings = settings;
        this.startup = new RandomSampler(seed);
    }

    /** Returns a builder of a sampler that optimises {@code objectives}, read from metrics. */
    public static BayesianSamplerBuilder builder(List<Objective> objectives) {
        return new BayesianSamplerBuilder(objectives);
    }

    @Override
    public List<Assignment> ask(SearchSpace space, History history, int count) {
        Objects.requireNonNull(space, "`space` must not be null");
        Objects.requireNonNull(history, "`history` must not be null");
        Require.nonNegative(count, "count");
        List<Evaluated> told = new ArrayList<>();
        List<Assignment> pending = new ArrayList<>();
        int nextIndex = 0;
        for (Observation observation : history.observations()) {
            if (observation.state() == TrialState.RUNNING) {
                pending.add(observation.assignment());
            } else {
                told.add(evaluate(observation));
            }
            nextIndex = Math.max(nextIndex, observation.index() + 1);
        }
        Set<Assignment> taken = new HashSet<>(history.assignments());
        History current = history;
        List<Assignment> proposals = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Assignment proposal = told.size() < startupTrials
                    ? startup.ask(space, current, 1).get(0)
                    : proposeFromModel(space, current, told, pending, taken);
            proposals.add(proposal);
            pending.add(proposal);
            taken.add(proposal);
            current = current.with(Observation.running(nextIndex++, proposal));
        }
        return List.copyOf(proposals);
    }

    private Assignment proposeFromModel(SearchSpace space, History current,
            List<Evaluated> told, List<Assignment> pending, Set<Assignment> taken) {
        SplittableRandom rng =
                new SplittableRandom(Seeds.derive(seed, current.size(), MODEL_STREAM));
        return Motpe.propose(space, told, pending, taken, settings, rng)
                .orElseGet(() -> startup.ask(space, current, 1).get(0));
    }

    /** The trial as the model sees it; see the class comment for how failures count. */
    private Evaluated evaluate(Observation observation) {
        Map<String, Double> metrics = observation.metrics();
        if (observation.state() == TrialState.FAILED) {
            return Evaluated.failed(observation.assignment());
        }
        double[] vector = new double[objectives.size()];
        for (int k = 0; k < vector.length; k++) {
            Double value = metrics.get(objectives.get(k).metric());
            if (value == null || !Double.isFinite(value)) {
                return Evaluated.failed(observation.assignment());
            }
            vector[k] = objectives.get(k).direction().toMinimized(value);
        }
        double violation = 0.0;
        for (Constraint constraint : constraints) {
            double broken = constraint.violation(metrics);
            if (broken == Double.POSITIVE_INFINITY) {
                return Evaluated.failed(observation.assignment());
            }
            double scale = constraint.bound() == 0.0 ? 1.0 : Math.abs(constraint.bound());
            violation += broken > 0 ? Math.max(broken / scale, Double.MIN_VALUE) : 0.0;
        }
        return new Evaluated(observation.assignment(), vector, violation, observation.stoppedAt());
    }

    @Override
    public String toString() {
        return "BayesianSampler[objectives=" + objectives + ", constraints=" + constraints
                + ", seed=" + seed + ", startupTrials=" + startupTrials + ", candidates="
                + settings.candidates() + ", gamma=" + settings.gamma() + ", priorWeight="
                + settings.priorWeight() + "]";
    }
}
