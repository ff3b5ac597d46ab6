package dev.compressweep.orchestrator.session;

import dev.compressweep.orchestrator.sweep.SweepSpec;
import dev.compressweep.search.sampler.BayesianSampler;
import dev.compressweep.search.sampler.GridSampler;
import dev.compressweep.search.sampler.RandomSampler;
import dev.compressweep.search.sampler.Sampler;

/** The sampler a sweep file's {@code search.strategy} asks for. */
final class Samplers {

    private Samplers() {}

    static Sampler forSweep(SweepSpec sweep) {
        return switch (sweep.search().strategy()) {
            case GRID -> new GridSampler(sweep.search().gridPoints());
            case RANDOM -> new RandomSampler(sweep.seed());
            case BAYESIAN -> BayesianSampler.builder(sweep.objectives()).seed(sweep.seed())
                    .constraints(sweep.constraints()).startupTrials(sweep.search().startupTrials()).build();
        };
    }
}
