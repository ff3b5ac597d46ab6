package dev.compressweep.search.stopping;

import dev.compressweep.search.pareto.Hypervolume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The place of one trial among the trials at a rung: feasible ones first, by non-dominated level
 * of the objectives, then by exclusive hypervolume contribution within the level (largest first,
 * the reference being the worst corner of the trials compared moved out by a tenth of their
 * range); then infeasible ones, ranked the same way with their total violation as one more
 * objective to minimise; then those lacking a metric. Remaining ties go to the lower trial index,
 * so the place depends on the set of trials, not on their order.
 *
 * <p>Why infeasible trials are not ranked by violation alone, as a finished search ranks them: at
 * an early rung, constraints on a metric that training improves (an accuracy drop) are broken by
 * most trials, and ranking them by violation alone would keep only the most accurate so far,
 * whatever their size or cost: a single-objective search. With the violation as an objective, a
 * small model still some way from the bound keeps its place next to a large one near it.
 */
final class RungRanking {
    private RungRanking() {}

    /** Returns the place of {@code candidate} among itself and {@code peers}, 1 for the best. */
    static int rank(Scored candidate, List<Scored> peers) {
        int group = candidate.group();
        int before = (int) peers.stream().filter(p -> p.group() < group).count();
        List<Scored> same = peers.stream().filter(p -> p.group() == group).toList();
        return 1 + before + switch (group) {
            case 0 -> better(candidate, same, Scored::vector);
            case 1 -> better(candidate, same, RungRanking::withViolation);
            default -> (int) same.stream().filter(p -> p.trial() < candidate.trial()).count();
        };
    }

    private static double[] withViolation(Scored scored) {
        double[] point = Arrays.copyOf(scored.vector(), scored.vector().length + 1);
        point[point.length - 1] = scored.violation();
        return point;
    }

    /** How many of {@code peers} rank before {@code candidate}, all compared as {@code point}s. */
    private static int better(Scored candidate, List<Scored> peers,
            Function<Scored, double[]> point) {
        List<Scored> all = new ArrayList<>(peers);
        all.add(candidate);
        List<double[]> points = all.stream().map(point).toList();
        int self = all.size() - 1;
        int better = 0;
        for (List<Integer> level : Levels.of(points)) {
            if (!level.contains(self)) {
                better += level.size();
                continue;
            }
            double[] contribution = Levels.exclusive(
                    level.stream().map(points::get).toList(), Hypervolume.referenceBeyond(points));
            double own = contribution[level.indexOf(self)];
            for (int m = 0; m < level.size(); m++) {
                int trial = all.get(level.get(m)).trial();
                if (contribution[m] > own || contribution[m] == own && trial < candidate.trial()) {
                    better++;
                }
            }
            return better;
        }
        throw new IllegalStateException("the candidate must be on some level");
    }
}
