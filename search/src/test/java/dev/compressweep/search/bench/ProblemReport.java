package dev.compressweep.search.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every strategy run on one problem for several seeds: the hypervolume curves up to 2N trials,
 * their statistics at a few trial counts, the trials needed to reach a target hypervolume and the
 * Bayesian sampler's time per ask.
 *
 * @param problem the problem
 * @param curves per strategy, the hypervolume after t trials ({@code [seed][t - 1]})
 * @param askTime the Bayesian sampler's time per ask with 500 finished trials
 */
record ProblemReport(Problem problem, Map<String, double[][]> curves, AskTime askTime) {
    /** The target is this share of the best mean hypervolume any strategy reaches at 2N. */
    static final double TARGET_SHARE = 0.9;

    /** Runs every strategy on {@code problem} for {@code seeds} seeds. */
    static ProblemReport run(Problem problem, List<Strategy> strategies, int seeds) {
        Map<String, double[][]> curves = new LinkedHashMap<>();
        int horizon = 2 * problem.budget();
        for (Strategy strategy : strategies) {
            double[][] runs = new double[seeds][];
            for (int s = 0; s < seeds; s++) {
                runs[s] = s > 0 && !strategy.seeded() ? runs[0] : Study.run(problem,
                        strategy.sampler().apply(problem, (long) s + 1), horizon,
                        strategy.parallelism());
            }
            curves.put(strategy.name(), runs);
        }
        return new ProblemReport(problem, curves, AskTime.measure(problem));
    }

    /** Returns the statistics over seeds of strategy {@code name}'s hypervolume after t trials. */
    Stats at(String name, int trials) {
        double[][] runs = curves.get(name);
        double[] values = new double[runs.length];
        for (int s = 0; s < runs.length; s++) {
            values[s] = runs[s][trials - 1];
        }
        return Stats.of(values);
    }

    /** Returns the trial counts reported: 10, 25, N and 2N, within 2N. */
    List<Integer> checkpoints() {
        int budget = problem.budget();
        return new ArrayList<>(new TreeSet<>(List.of(Math.min(10, budget), Math.min(25, budget),
                budget, 2 * budget)));
    }

    /** Returns the target hypervolume: a share of the best mean any strategy reaches at 2N. */
    double target() {
        return TARGET_SHARE * curves.keySet().stream()
                .mapToDouble(name -> at(name, 2 * problem.budget()).mean()).max().orElse(0);
    }

    /** Returns the trials after which {@code name}'s mean hypervolume reaches the target. */
    Integer trialsToTarget(String name) {
        double target = target();
        for (int t = 1; t <= 2 * problem.budget(); t++) {
            if (target > 0 && at(name, t).mean() >= target) {
                return t;
            }
        }
        return null;
    }

    /** Returns whether Bayesian with N trials reaches at least random's mean with 2N trials. */
    boolean bayesianBeatsRandomAtTwiceTheTrials() {
        return at("bayesian", problem.budget()).mean()
                >= at("random", 2 * problem.budget()).mean();
    }

    /** Returns the report as JSON-ready maps. */
    Map<String, Object> toJson() {
        int n = problem.budget();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", problem.name());
        json.put("variables", problem.variables());
        json.put("objectives", problem.objectives().stream()
                .map(o -> o.metric() + " " + o.direction().name().toLowerCase(Locale.ROOT))
                .toList());
        json.put("constraints", problem.constraints().stream().map(Object::toString).toList());
        json.put("reference", new TreeMap<>(problem.reference()));
        if (!problem.note().isEmpty()) {
            json.put("note", problem.note());
        }
        json.put("N", n);
        json.put("seeds", curves.get("bayesian").length);
        for (String name : curves.keySet()) {
            for (int t : List.of(n, 2 * n)) {
                String key = "hv_" + name + "_" + (t == n ? "N" : "2N");
                json.put(key, at(name, t).mean());
                json.put(key + "_std", at(name, t).std());
            }
        }
        Map<String, Object> curveStats = new LinkedHashMap<>();
        for (String name : curves.keySet()) {
            Map<String, Object> byTrials = new LinkedHashMap<>();
            for (int t : checkpoints()) {
                Map<String, Object> stats = new LinkedHashMap<>();
                stats.put("mean", at(name, t).mean());
                stats.put("std", at(name, t).std());
                byTrials.put(String.valueOf(t), stats);
            }
            curveStats.put(name, byTrials);
        }
        json.put("hv_by_trials", curveStats);
        json.put("target_hv", target());
        json.put("target_share_of_best_mean_at_2N", TARGET_SHARE);
        Map<String, Object> toTarget = new LinkedHashMap<>();
        curves.keySet().forEach(name -> toTarget.put(name, trialsToTarget(name)));
        json.put("trials_to_target", toTarget);
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("wall_mean", askTime.meanMillis());
        ask.put("wall_max", askTime.maxMillis());
        ask.put("cpu_mean", askTime.meanCpuMillis());
        ask.put("cpu_max", askTime.maxCpuMillis());
        ask.put("asks", askTime.asks());
        json.put("ask_ms_500_told", ask);
        json.put("bayesian_N_at_least_random_2N", bayesianBeatsRandomAtTwiceTheTrials());
        return json;
    }
}
