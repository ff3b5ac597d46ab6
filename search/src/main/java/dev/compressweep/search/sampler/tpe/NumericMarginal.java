package dev.compressweep.search.sampler.tpe;

import java.util.random.RandomGenerator;

/**
 * The density of an integer or floating-point parameter: a {@link Parzen} density on the
 * parameter's axis, linear or logarithmic. Immutable.
 */
final class NumericMarginal implements Marginal {
    private final NumericAxis axis;
    private final Parzen density;

    NumericMarginal(NumericAxis axis, Parzen density) {
        this.axis = axis;
        this.density = density;
    }

    @Override
    public double logDensity(Object value) {
        return density.logDensity(axis.toUnit(value));
    }

    @Override
    public Object sample(RandomGenerator rng) {
        return axis.fromUnit(density.sample(rng));
    }
}
