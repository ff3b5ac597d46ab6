package dev.compressweep.search.bench;

import dev.compressweep.search.sampler.Sampler;
import dev.compressweep.search.stopping.SuccessiveHalving;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * One strategy run with and without early stopping on one problem for several seeds (seed s runs
 * both ways with sampler seed s + 1): the statistics of the final hypervolume and of the epochs
 * spent, and what the runs without early stopping had reached after as many epochs as the runs
 * with it spent.
 *
 * @param problem the problem
 * @param strategy the strategy's name
 * @param full the runs without early stopping, by seed
 * @param early the runs with early stopping, by seed
 */
record EarlyStoppingReport(CurveReplay problem, String strategy,
        List<EarlyStoppingStudy.Outcome> full, List<EarlyStoppingStudy.Outcome> early) {
    static final List<String> HEADER = List.of("strategy", "hv_full", "hv_early", "hv ratio",
            "epochs_full", "epochs_early", "epochs ratio", "stopped", "hv_full@epochs_early",
            "criterion");

    /** Runs {@code strategy} with and without {@code halving} for {@code seeds} seeds. */
    static EarlyStoppingReport run(CurveReplay problem, String strategy,
            BiFunction<CurveReplay, Long, Sampler> sampler, SuccessiveHalving halving, int seeds,
            int parallelism) {
        List<EarlyStoppingStudy.Outcome> full = new ArrayList<>();
        List<EarlyStoppingStudy.Outcome> early = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            full.add(EarlyStoppingStudy.run(problem, sampler.apply(problem, seed),
                    Optional.empty(), problem.budget(), parallelism));
            early.add(EarlyStoppingStudy.run(problem, sampler.apply(problem, seed),
                    Optional.of(halving), problem.budget(), parallelism));
        }
        return new EarlyStoppingReport(problem, strategy, List.copyOf(full), List.copyOf(early));
    }

    /** The final hypervolume without early stopping, over seeds. */
    Stats hvFull() {
        return Stats.of(full.stream().mapToDouble(EarlyStoppingStudy.Outcome::hypervolume)
                .toArray());
    }

    /** The final hypervolume with early stopping, over seeds. */
    Stats hvEarly() {
        return Stats.of(early.stream().mapToDouble(EarlyStoppingStudy.Outcome::hypervolume)
                .toArray());
    }

    /** The epochs spent without early stopping, over seeds. */
    Stats epochsFull() {
        return Stats.of(full.stream().mapToDouble(EarlyStoppingStudy.Outcome::epochs).toArray());
    }

    /** The epochs spent with early stopping, over seeds. */
    Stats epochsEarly() {
        return Stats.of(early.stream().mapToDouble(EarlyStoppingStudy.Outcome::epochs).toArray());
    }

    /** The trials stopped early, over seeds. */
    Stats stopped() {
        return Stats.of(early.stream().mapToDouble(EarlyStoppingStudy.Outcome::stopped)
                .toArray());
    }

    /** The hypervolume each run without early stopping had after the epochs its twin spent. */
    Stats hvFullAtEarlyEpochs() {
        double[] values = new double[full.size()];
        for (int s = 0; s < values.length; s++) {
            values[s] = full.get(s).hypervolumeAt(early.get(s).epochs());
        }
        return Stats.of(values);
    }

    /** Returns whether the means meet the benchmark's criterion. */
    boolean meetsCriterion() {
        return hvEarly().mean() >= EarlyStoppingBenchmark.HV_SHARE * hvFull().mean()
                && epochsEarly().mean() <= EarlyStoppingBenchmark.EPOCH_SHARE * epochsFull().mean();
    }

    /** Returns the printed row, in the order of {@link #HEADER}. */
    List<String> row() {
        return List.of(strategy, TextTable.meanAndStd(hvFull()), TextTable.meanAndStd(hvEarly()),
                TextTable.number(hvEarly().mean() / hvFull().mean()),
                TextTable.meanAndStd(epochsFull()), TextTable.meanAndStd(epochsEarly()),
                TextTable.number(epochsEarly().mean() / epochsFull().mean()),
                TextTable.meanAndStd(stopped()), TextTable.meanAndStd(hvFullAtEarlyEpochs()),
                meetsCriterion() ? "met" : "NOT MET");
    }

    /** Returns the report as JSON-ready maps. */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", problem.name());
        json.put("strategy", strategy);
        json.put("hv_full", hvFull().mean());
        json.put("hv_early", hvEarly().mean());
        json.put("epochs_full", epochsFull().mean());
        json.put("epochs_early", epochsEarly().mean());
        json.put("hv_full_std", hvFull().std());
        json.put("hv_early_std", hvEarly().std());
        json.put("epochs_full_std", epochsFull().std());
        json.put("epochs_early_std", epochsEarly().std());
        json.put("hv_ratio", hvEarly().mean() / hvFull().mean());
        json.put("epochs_ratio", epochsEarly().mean() / epochsFull().mean());
        json.put("stopped_early", stopped().mean());
        json.put("hv_full_at_epochs_early", hvFullAtEarlyEpochs().mean());
        json.put("hv_full_at_epochs_early_std", hvFullAtEarlyEpochs().std());
        json.put("meets_criterion", meetsCriterion());
        json.put("trials", problem.budget());
        json.put("seeds", full.size());
        json.put("variables", problem.variables());
        json.put("reference", new TreeMap<>(problem.reference()));
        return json;
    }
}
