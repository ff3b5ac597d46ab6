package dev.compressweep.search.sampler.tpe;

import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.Parameter;
import dev.compressweep.search.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A tree-structured Parzen density over a conditional search space: the product of one marginal
 * per parameter, each fitted only to the trials in which that parameter was active. Sampling walks
 * the parameters in declaration order, so a conditional parameter is drawn only when its branch is
 * chosen; the density of an assignment multiplies the marginals of the parameters it holds.
 * Immutable.
 */
final class TreeParzen {
    private final SearchSpace space;
    private final Map<String, Marginal> marginals = new LinkedHashMap<>();

    /** Fits the density of {@code space} to {@code assignments}, each with its positive weight. */
    TreeParzen(SearchSpace space, List<Assignment> assignments, List<Double> weights,
            double priorWeight) {
        this.space = space;
        for (Parameter parameter : space.parameters()) {
            List<Object> values = new ArrayList<>();
            List<Double> valueWeights = new ArrayList<>();
            for (int i = 0; i < assignments.size(); i++) {
                if (assignments.get(i).has(parameter.name())) {
                    values.add(assignments.get(i).get(parameter.name()));
                    valueWeights.add(weights.get(i));
                }
            }
            marginals.put(parameter.name(),
                    Marginal.fit(parameter, values, valueWeights, priorWeight));
        }
    }

    /** Draws a valid assignment of the space. */
    Assignment sample(RandomGenerator rng) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter parameter : space.parameters()) {
            if (space.isActive(parameter, values)) {
                values.put(parameter.name(), marginals.get(parameter.name()).sample(rng));
            }
        }
        return new Assignment(values);
    }

    /** Returns the log-density of {@code assignment}, a valid assignment of the space. */
    double logDensity(Assignment assignment) {
        double sum = 0.0;
        for (Map.Entry<String, Object> entry : assignment.values().entrySet()) {
            sum += marginals.get(entry.getKey()).logDensity(entry.getValue());
        }
        return sum;
    }
}
