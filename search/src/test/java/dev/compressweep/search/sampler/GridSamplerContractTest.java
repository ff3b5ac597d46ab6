package dev.compressweep.search.sampler;

class GridSamplerContractTest extends SamplerContract {
    @Override
    protected Sampler sampler(long seed) {
        return new GridSampler(3);
    }
}
