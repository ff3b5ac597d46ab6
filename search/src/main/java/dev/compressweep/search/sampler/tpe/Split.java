package dev.compressweep.search.sampler.tpe;

import dev.compressweep.search.pareto.Hypervolume;
import dev.compressweep.search.space.Assignment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The trials split into the few good ones the sampler imitates and the rest it steers away from.
 *
 * <p>Constraints act as feasibility, not as penalties: feasible trials rank above infeasible ones,
 * feasible ones by non-dominated level then hypervolume contribution ({@link Fronts}), infeasible
 * ones by total violation. Failed trials and pending ones (running, or proposed earlier in the
 * same batch: the "constant liar") are never good.
 *
 * <p>Trials stopped early rank after every trial that ran to its end, since their values were
 * measured before training ended and their peers judged them worse then; among themselves, those
 * stopped later come first, as in Optuna's TPE for pruned trials, and those stopped at the same
 * epoch are ranked as above on the values measured there. So they are good only when too few
 * trials ran to their end to fill the good set.
 *
 * <p>As in MOTPE (Ozaki et al., 2022), the good trials are not alike: each weighs, in the good
 * density, its exclusive hypervolume contribution among the good feasible trials that ran to
 * their end relative to the largest one, at least {@value #FLOOR}; so the density follows the
 * trials that make the front rather than those it already covers. Infeasible and stopped good
 * trials weigh {@value #FLOOR}; with fewer than two feasible good trials that ran to their end,
 * all weigh 1. An immutable value.
 *
 * @param good the best trials' assignments, at most the number asked for
 * @param goodWeights the weight of each good assignment, in (0, 1]
 * @param bad every other assignment, pending ones included
 */
record Split(List<Assignment> good, List<Double> goodWeights, List<Assignment> bad) {
    /** The weight of a good trial that adds no hypervolume of its own. */
    static final double FLOOR = 0.1;

    /** Validates and copies the lists. */
    Split {
        good = List.copyOf(good);
        goodWeights = List.copyOf(goodWeights);
        bad = List.copyOf(bad);
        if (goodWeights.size() != good.size()) {
            throw new IllegalArgumentException("one weight per good assignment is needed, but got "
                    + goodWeights.size() + " for " + good.size());
        }
    }

    /** Splits {@code told} and {@code pending}, keeping at most {@code goodCount} good trials. */
    static Split of(List<Evaluated> told, List<Assignment> pending, int goodCount) {
        Objects.requireNonNull(told, "`told` must not be null");
        Objects.requireNonNull(pending, "`pending` must not be null");
        List<Evaluated> ranked = new ArrayList<>(
                rank(told.stream().filter(e -> !e.isStopped()).toList(), goodCount));
        Map<Integer, List<Evaluated>> stoppedByEpoch = new TreeMap<>(Comparator.reverseOrder());
        told.stream().filter(Evaluated::isStopped).forEach(e -> stoppedByEpoch
                .computeIfAbsent(e.stoppedAt(), epoch -> new ArrayList<>()).add(e));
        for (List<Evaluated> stopped : stoppedByEpoch.values()) {
            ranked.addAll(rank(stopped, goodCount - ranked.size()));
        }
        List<Assignment> good = ranked.stream().map(Evaluated::assignment).toList();
        List<Double> weights = weights(ranked);
        List<Assignment> bad = new ArrayList<>();
        Set<Evaluated> chosen = Collections.newSetFromMap(new IdentityHashMap<>());
        chosen.addAll(ranked);
        told.stream().filter(e -> !chosen.contains(e)).forEach(e -> bad.add(e.assignment()));
        bad.addAll(pending);
        return new Split(good, weights, bad);
    }

    /**
     * The best {@code wanted} of {@code trials}, best first: feasible ones by level and
     * contribution, then infeasible ones by violation; never a failed one.
     */
    private static List<Evaluated> rank(List<Evaluated> trials, int wanted) {
        List<Evaluated> feasible = trials.stream().filter(Evaluated::isFeasible).toList();
        List<Evaluated> ranked = new ArrayList<>();
        List<double[]> vectors = feasible.stream().map(Evaluated::objectives).toList();
        Fronts.best(vectors, wanted).forEach(i -> ranked.add(feasible.get(i)));
        if (ranked.size() < wanted) {
            trials.stream()
                    .filter(Evaluated::isInfeasible)
                    .sorted(Comparator.comparingDouble(Evaluated::violation))
                    .limit(wanted - ranked.size())
                    .forEach(ranked::add);
        }
        return ranked;
    }

    /** Contribution weights of the ranked good trials; see the class comment. */
    private static List<Double> weights(List<Evaluated> ranked) {
        List<double[]> points = ranked.stream().filter(e -> e.isFeasible() && !e.isStopped())
                .map(Evaluated::objectives).toList();
        Double[] weights = new Double[ranked.size()];
        Arrays.fill(weights, points.size() < 2 ? 1.0 : FLOOR);
        if (points.size() < 2) {
            return List.of(weights);
        }
        List<Integer> front = Fronts.levels(points).get(0);
        double[] contribution = Contributions.exclusive(
                front.stream().map(points::get).toList(), Hypervolume.referenceBeyond(points));
        double largest = Arrays.stream(contribution).max().orElse(0.0);
        for (int f = 0; f < front.size(); f++) {
            double share = largest > 0 ? contribution[f] / largest : 1.0;
            weights[front.get(f)] = Math.max(FLOOR, share);
        }
        return List.of(weights);
    }
}
