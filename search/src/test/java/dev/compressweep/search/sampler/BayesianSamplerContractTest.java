package dev.compressweep.search.sampler;

import dev.compressweep.search.objective.Objective;
import java.util.List;

/** Runs the contract with a short start-up, so that most histories reach the model. */
class BayesianSamplerContractTest extends SamplerContract {
    @Override
    protected Sampler sampler(long seed) {
        return BayesianSampler.builder(List.of(Objective.maximize("accuracy")))
                .seed(seed)
                .startupTrials(2)
                .build();
    }
}
