package dev.compressweep.search.bench;

import dev.compressweep.search.sampler.BayesianSampler;
import dev.compressweep.search.sampler.GridSampler;
import dev.compressweep.search.sampler.RandomSampler;
import dev.compressweep.search.sampler.Sampler;
import java.util.List;
import java.util.function.BiFunction;

/**
 * A way of searching a problem: a sampler built per problem and seed, and how many trials it
 * keeps in flight.
 *
 * @param name the name in the report
 * @param sampler builds the sampler for a problem and a seed
 * @param parallelism trials in flight at once
 * @param seeded whether the seed changes the proposals (grid's does not, so it runs once)
 */
record Strategy(String name, BiFunction<Problem, Long, Sampler> sampler, int parallelism,
        boolean seeded) {

    /** The strategies compared: bayesian with 2 trials in flight, random, grid, bayesian 1. */
    static List<Strategy> all() {
        return List.of(
                new Strategy("bayesian", Strategy::bayesian, 2, true),
                new Strategy("random", (problem, seed) -> new RandomSampler(seed), 2, true),
                new Strategy("grid", (problem, seed) -> new GridSampler(3), 2, false),
                new Strategy("bayesian_sequential", Strategy::bayesian, 1, true));
    }

    /** The Bayesian sampler with its default settings for {@code problem}. */
    static BayesianSampler bayesian(Problem problem, long seed) {
        return BayesianSampler.builder(problem.objectives())
                .constraints(problem.constraints())
                .seed(seed)
                .build();
    }
}
