package dev.compressweep.search.sampler.tpe;

import dev.compressweep.search.space.Assignment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The trials split into the few good ones the sampler imitates and the rest it steers away from.
 *
 * <p>Constraints act as feasibility, not as penalties: feasible trials rank above infeasible ones,
 * feasible ones by non-dominated level then hypervolume contribution ({@link Fronts}), infeasible
 * ones by total violation. Failed trials and pending ones (running, or proposed earlier in the
 * same batch: the "constant liar") are never good. An immutable value.
 *
 * @param good the best trials' assignments, at most the number asked for
 * @param bad every other assignment, pending ones included
 */
record Split(List<Assignment> good, List<Assignment> bad) {

    /** Validates and copies the lists. */
    Split {
        good = List.copyOf(good);
        bad = List.copyOf(bad);
    }

    /** Splits {@code told} and {@code pending}, keeping at most {@code goodCount} good trials. */
    static Split of(List<Evaluated> told, List<Assignment> pending, int goodCount) {
        Objects.requireNonNull(told, "`told` must not be null");
        Objects.requireNonNull(pending, "`pending` must not be null");
        List<Evaluated> feasible = told.stream().filter(Evaluated::isFeasible).toList();
        List<Evaluated> ranked = new ArrayList<>();
        List<double[]> vectors = feasible.stream().map(Evaluated::objectives).toList();
        Fronts.best(vectors, goodCount).forEach(i -> ranked.add(feasible.get(i)));
        if (ranked.size() < goodCount) {
            told.stream()
                    .filter(Evaluated::isInfeasible)
                    .sorted(Comparator.comparingDouble(Evaluated::violation))
                    .limit(goodCount - ranked.size())
                    .forEach(ranked::add);
        }
        List<Assignment> good = ranked.stream().map(Evaluated::assignment).toList();
        List<Assignment> bad = new ArrayList<>();
        Set<Evaluated> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
        chosen.addAll(ranked);
        told.stream().filter(e -> !chosen.contains(e)).forEach(e -> bad.add(e.assignment()));
        bad.addAll(pending);
        return new Split(good, bad);
    }
}
