package dev.compressweep.search.sampler;

class RandomSamplerContractTest extends SamplerContract {
    @Override
    protected Sampler sampler(long seed) {
        return new RandomSampler(seed);
    }
}
