package dev.compressweep.search.sampler.tpe;

import dev.compressweep.search.space.Categorical;
import dev.compressweep.search.space.FloatRange;
import dev.compressweep.search.space.IntRange;
import dev.compressweep.search.space.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/** The density of one parameter's values, fitted to the trials in which it was active. */
sealed interface Marginal permits NumericMarginal, CategoricalMarginal {

    /** Returns the log-density (or log-probability) of {@code value}, a value of the domain. */
    double logDensity(Object value);

    /** Draws a value of the domain. */
    Object sample(RandomGenerator rng);

    /**
     * Fits the marginal of {@code parameter} to {@code values}, each with its weight, ignoring those outside its domain
     * (a warm-start history may come from a sweep over a different space).
     */
    static Marginal fit(Parameter parameter, List<Object> values, List<Double> weights,
            double priorWeight) {
        List<Object> inDomain = new ArrayList<>();
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (parameter.contains(values.get(i))) {
                inDomain.add(values.get(i));
                kept.add(weights.get(i));
            }
        }
        double[] w = kept.stream().mapToDouble(Double::doubleValue).toArray();
        if (parameter instanceof Categorical categorical) {
            return new CategoricalMarginal(categorical.choices(), inDomain, w, priorWeight);
        }
        NumericAxis axis = parameter instanceof IntRange range
                ? NumericAxis.of(range) : NumericAxis.of((FloatRange) parameter);
        double[] units = inDomain.stream().mapToDouble(axis::toUnit).toArray();
        return new NumericMarginal(axis, new Parzen(units, w, priorWeight));
    }
}
