package dev.compressweep.search.sampler.tpe;

import dev.compressweep.search.space.Assignment;
import dev.compressweep.search.space.SearchSpace;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * One proposal of the multi-objective, constrained tree-structured Parzen estimator: split the
 * trials into good and bad ({@link Split}), fit a density to each, draw candidates from the good
 * density and keep the one where good is likeliest relative to bad, that is the largest
 * {@code log l(x) - log g(x)}, among those not taken yet. Stateless and thread-safe.
 */
public final class Motpe {
    private Motpe() {}

    /**
     * Proposes an assignment of {@code space} that is not in {@code taken}, or nothing if every
     * candidate drawn was taken.
     *
     * @param told the finished trials, failures included
     * @param pending the assignments still running or proposed earlier in the same batch
     * @param taken every assignment tried, running or proposed so far
     */
    public static Optional<Assignment> propose(SearchSpace space, List<Evaluated> told,
            List<Assignment> pending, Set<Assignment> taken, TpeSettings settings,
            RandomGenerator rng) {
        Split split = Split.of(told, pending, settings.goodCount(told.size()));
        TreeParzen good = new TreeParzen(space, split.good(), split.goodWeights(),
                settings.priorWeight());
        TreeParzen bad = new TreeParzen(space, split.bad(),
                Collections.nCopies(split.bad().size(), 1.0), settings.priorWeight());
        Assignment best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < settings.candidates(); c++) {
            Assignment candidate = good.sample(rng);
            if (taken.contains(candidate)) {
                continue;
            }
            double score = good.logDensity(candidate) - bad.logDensity(candidate);
            if (best == null || score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }
}
