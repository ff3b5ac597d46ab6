package dev.compressweep.search.sampler.tpe;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The probabilities of a categorical parameter's choices: how often each was taken (each time
 * counted with its observation's weight), plus a
 * uniform prior worth {@code priorWeight} observations, so that no choice is ever ruled out.
 * Immutable.
 */
final class CategoricalMarginal implements Marginal {
    private final List<Object> choices;
    private final double[] probabilities;
    private final double[] logProbabilities;

    CategoricalMarginal(List<Object> choices, List<Object> values, double[] weights, double priorWeight) {
        this.choices = choices;
        int k = choices.size();
        double[] counts = new double[k];
        double total = priorWeight;
        for (int i = 0; i < values.size(); i++) {
            counts[choices.indexOf(values.get(i))] += weights[i];
            total += weights[i];
        }
        this.probabilities = new double[k];
        this.logProbabilities = new double[k];
        for (int c = 0; c < k; c++) {
            probabilities[c] = (counts[c] + priorWeight / k) / total;
            logProbabilities[c] = Math.log(probabilities[c]);
        }
    }

    @Override
    public double logDensity(Object value) {
        return logProbabilities[choices.indexOf(value)];
    }

    @Override
    public Object sample(RandomGenerator rng) {
        double pick = rng.nextDouble();
        for (int c = 0; c < probabilities.length - 1; c++) {
            pick -= probabilities[c];
            if (pick < 0) {
                return choices.get(c);
            }
        }
        return choices.get(probabilities.length - 1);
    }
}
