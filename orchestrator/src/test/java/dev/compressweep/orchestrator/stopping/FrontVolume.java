package dev.compressweep.orchestrator.stopping;

import dev.compressweep.orchestrator.run.TrialRecord;
import dev.compressweep.search.objective.Constraint;
import dev.compressweep.search.objective.Objective;
import dev.compressweep.search.pareto.Hypervolume;
import dev.compressweep.search.sampler.TrialState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hypervolume of a sweep's feasible front, measured as the replay of the search module's early-stopping benchmark
 * measures it ({@code CurveReplay}): objectives accuracy up, size_bytes and macs down, against one reference for all
 * the sweeps compared: the lowest accuracy the constraint {@value #DROP} allows (the teacher's validation accuracy
 * less its bound), and for size and MACs the largest value measured (teacher and every trial of every sweep) moved
 * out by a tenth of their range. Only complete trials meeting every constraint count: a stopped trial is never on
 * the front. An immutable value.
 *
 * @param objectives the sweeps' objectives
 * @param constraints the sweeps' constraints
 * @param reference the reference point, by metric
 */
record FrontVolume(List<Objective> objectives, List<Constraint> constraints, Map<String, Double> reference) {

    /** The constraint the reference's accuracy comes from. */
    static final String DROP = "accuracy_drop <= 0.05";

    FrontVolume {
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
        reference = Map.copyOf(reference);
    }

    /** The reference for {@code sweeps}, which share one teacher and the objectives of the first. */
    static FrontVolume of(List<StoppingSweep> sweeps) {
        StoppingSweep first = sweeps.get(0);
        Map<String, Double> teacher = first.teacher().metrics();
        Map<String, Double> reference = new HashMap<>();
        reference.put("accuracy", teacher.get("accuracy") - Constraint.parse(DROP).bound());
        for (String metric : List.of("size_bytes", "macs")) {
            double low = teacher.get(metric);
            double high = low;
            for (StoppingSweep sweep : sweeps) {
                for (TrialRecord trial : sweep.trials()) {
                    Double value = trial.metrics().get(metric);
                    if (value != null) {
                        low = Math.min(low, value);
                        high = Math.max(high, value);
                    }
                }
            }
            reference.put(metric, high + Math.max(0.1 * (high - low), 1e-9 * high));
        }
        return new FrontVolume(first.sweep().objectives(), first.sweep().constraints(), reference);
    }

    /** The hypervolume of {@code sweep}'s complete trials that meet every constraint. */
    double of(StoppingSweep sweep) {
        List<Map<String, Double>> feasible = sweep.trials().stream()
                .filter(t -> t.state() == TrialState.COMPLETE)
                .map(TrialRecord::metrics)
                .filter(m -> constraints.stream().allMatch(c -> c.isSatisfiedBy(m)))
                .toList();
        return Hypervolume.of(feasible, objectives, reference);
    }
}
