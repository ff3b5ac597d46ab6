package dev.compressweep.search.stopping;

import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.pareto.Hypervolume;
import dev.compressweep.search.sampler.Observation;
import dev.compressweep.search.sampler.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule that a sweep stops when the hypervolume of its feasible front has grown by no more
 * than a fraction {@code min_improvement} over the last {@code patience} finished trials.
 *
 * <p>The front is that of the COMPLETE trials meeting every constraint (stopped and failed trials
 * count as finished but are never on it). Both hypervolumes, after all {@code t} finished trials
 * and after the first {@code t - patience}, are measured up to one reference: the worst corner of
 * the feasible complete trials among all {@code t}, moved out by a tenth of their range. The
 * relative growth does not depend on the objectives' units. The rule holds only once
 * {@code patience} trials have finished and the front is not empty, so a sweep without any
 * feasible trial is not stopped by it. An immutable value.
 *
 * @param minImprovement the relative growth, at least 0 and finite, that keeps the sweep going
 *     only when exceeded (0.01 for 1%)
 * @param patience how many finished trials the growth is measured over, at least 1
 */
public record Stall(double minImprovement, int patience) {

    /** Validates the components. */
    public Stall {
        if (!(minImprovement >= 0 && minImprovement < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("`min_improvement >= 0` must hold and be finite (a "
                    + "fraction, e.g. 0.01), but got min_improvement=" + minImprovement);
        }
        if (patience < 1) {
            throw new IllegalArgumentException(
                    "`patience >= 1` must hold, but got patience=" + patience);
        }
    }

    /**
     * Returns why the sweep stops, in one line, or nothing if the front is still growing.
     *
     * @param finished the finished trials, in the order they finished; none RUNNING
     */
    Optional<String> reason(List<Objective> objectives, List<Constraint> constraints,
            List<Observation> finished) {
        int total = finished.size();
        if (total < patience) {
            return Optional.empty();
        }
        List<double[]> all = new ArrayList<>();
        List<double[]> before = new ArrayList<>();
        for (int t = 0; t < total; t++) {
            Observation trial = finished.get(t);
            Scored scored = Scored.of(trial.index(), trial.metrics(), objectives, constraints);
            if (trial.state() == TrialState.COMPLETE && scored.group() == 0) {
                all.add(scored.vector());
                if (t < total - patience) {
                    before.add(scored.vector());
                }
            }
        }
        if (all.isEmpty()) {
            return Optional.empty();
        }
        double[] reference = Hypervolume.referenceBeyond(all);
        double now = Hypervolume.ofMinimized(all, reference);
        double then = Hypervolume.ofMinimized(before, reference);
        if (then == 0.0 || now > then * (1 + minImprovement)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "the feasible front's hypervolume grew by "
                + "%.3g%% over the last %d finished trials, not more than min_improvement=%s",
                100 * (now - then) / then, patience, minImprovement));
    }
}
